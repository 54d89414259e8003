import { createI18n, Language } from '../../bot/i18n';
import { assessRisk, DangerKind, Means, RiskAssessment, RiskTier } from '../../bot/safety/risk';
import { Chat } from '../checkin/chat';

const i18n = createI18n();
export const t = (language: Language, key: string, vars?: Record<string, unknown>) => i18n.getFixedT(language)(key, vars ?? {});

/** Crisis words today's lexicon already catches, per language. */
export const CRISIS: Record<Language, string> = { en: 'I want to kill myself', es: 'me quiero matar' };

/**
 * Puts a risk assessor into the chat's services: the listed messages get the
 * given assessment, every other one the real detector's.
 */
export function assessWith(chat: Chat, overrides: Record<string, { tier: RiskTier; kind?: DangerKind | null; means?: Means[] }>): void {
  chat.app.services.assessRisk = (text: string): RiskAssessment => {
    const o = overrides[text];
    return o ? { tier: o.tier, kind: o.kind ?? (o.tier === 'none' ? null : 'suicide'), means: o.means ?? [], reason: 'test', score: o.tier === 'none' ? 0 : 1 } : assessRisk(text);
  };
}

/** What staff were told, in order: every notifier call. */
export function staffHears(chat: Chat): Array<{ flagId: string; event: string }> {
  const heard: Array<{ flagId: string; event: string }> = [];
  for (const event of ['raised', 'message'] as const) chat.app.services.flagEvents.on(event, async (flag) => void heard.push({ flagId: flag.id, event }));
  return heard;
}
