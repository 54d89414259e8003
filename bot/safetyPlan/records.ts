import { AppError } from '../errors';
import { DocBase } from '../store/port';
import { PlanSections, SectionName } from './sections';

export const SAFETY_PLANS = 'safetyPlans';

/**
 * One version of a participant's plan: the whole plan as it stood after one
 * edit, who made it and which parts changed. Versions are never rewritten;
 * the newest is the plan. id = `version:000042`, so ids sort like versions.
 */
export interface PlanVersion extends DocBase {
  kind: 'version';
  participantId: string;
  version: number;
  sections: PlanSections;
  editedAt: string;
  /** Staff email. */
  editedBy: string;
  changed: SectionName[];
  /** The participant suggestion this version took in, if any. */
  suggestionId: string | null;
}

export type SuggestionStatus = 'open' | 'accepted' | 'dismissed';

/** Something the participant asked to add from the conversation, waiting for staff. */
export interface PlanSuggestion extends DocBase {
  kind: 'suggestion';
  participantId: string;
  section: SectionName;
  text: string;
  createdAt: string;
  channel: string;
  status: SuggestionStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The plan version that took it in (accepted only). */
  version: number | null;
}

export class SafetyPlanError extends AppError {
  constructor(
    readonly reason: 'invalid' | 'stale' | 'not_found',
    message: string,
  ) {
    super(reason, message);
  }
}
