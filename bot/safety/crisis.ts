/**
 * The crisis screen as the gate asks it: does a message reach the crisis
 * tier of the risk screen (risk.ts)? Pure and synchronous, no botbuilder, so
 * the safety gate can run it on every inbound message before any dialog sees it.
 */
import { assessRisk } from './risk';
import type { DangerKind } from './risk/types';

export type CrisisCategory = DangerKind;

export interface CrisisScreen {
  crisis: boolean;
  category?: CrisisCategory;
  /** Id of the rule or score that decided (safe to log); never the message text. */
  matched?: string;
}

export function detectCrisis(text: string): CrisisScreen {
  const risk = assessRisk(text);
  return risk.tier === 'crisis' && risk.kind ? { crisis: true, category: risk.kind, matched: risk.reason } : { crisis: false };
}
