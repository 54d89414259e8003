import { i18n } from 'i18next';
import { Clock } from './clock';
import { Config } from './config';
import { CheckIns } from './domain/checkins';
import { Participants } from './domain/participants';
import { Measures } from './measures/measures';
import { ProgramSessions } from './domain/sessions';
import { FlagEvents } from './flags/events';
import { FlagRules } from './flags/rules';
import { FlagService } from './flags/service';
import { Logger } from './log';
import type { LessonService } from './lessons/service';
import type { ProgressSummaries } from './progress/summary';
import type { RiskAssessment } from './safety/risk';
import { DocumentStore } from './store/port';
import { SafetyPlanService } from './safetyPlan/service';
import { Tips } from './tips/tips';

/**
 * What features and dialogs are given to do their work. Built once by the
 * composition root (bot/app.ts); tests build their own.
 */
export interface Services {
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  store: DocumentStore;
  participants: Participants;
  checkins: CheckIns;
  /** PHQ-9, GAD-7 and BAM administrations (bot/measures/measures.ts). */
  measures: Measures;
  /** Raising and reading flags; every new flag is emitted on flagEvents. */
  flags: FlagService;
  /** 'raised' and 'changed': what staff alerts subscribe to (bot/flags/events.ts). */
  flagEvents: FlagEvents;
  /** The clinic's flag rules (config.flagRulesPath or the defaults), validated at start-up. */
  flagRules: FlagRules;
  /** Coping tips: catalog, what to show next, "did it help?" answers. */
  tips: Tips;
  /** The program schedule (group and individual sessions). */
  sessions: ProgramSessions;
  /** The outreach engine as everyone else uses it (bot/outreach/feature.ts). */
  outreach: OutreachService;
  /** Personal safety plans: show one, take a participant's suggestion, offer it in a safety episode (bot/safetyPlan/service.ts). */
  safetyPlan: SafetyPlanService;
  /** Weekly lessons: the library, each track's plan, deliveries and reflections (bot/lessons/service.ts). */
  lessons: LessonService;
  /** A participant's own progress summary: check-ins, mood and cravings, the latest survey band (bot/progress). */
  progress: ProgressSummaries;
  /** The tiered risk screen every message passes (bot/safety/risk.ts); tests put in their own. */
  assessRisk: (text: string) => RiskAssessment;
}

/**
 * What dialogs, the playground and staff ask of outreach. Whoever changes a
 * participant's check-in time, time zone, reminders or status calls
 * reschedule, so the change takes effect at once.
 */
export interface OutreachService {
  /** Brings the participant's due entries in line with their record (bot/outreach/reschedule.ts). */
  reschedule(participantId: string): Promise<void>;
  /** The playground's "send my check-in prompt now": at once, no ledger, no quiet hours (someone asked for it). */
  sendCheckinPromptNow(participantId: string): Promise<{ sent: boolean; reason?: string }>;
}

/** What dialogs get: every service except the raw store (they work through the domain services). */
export type DialogServices = Omit<Services, 'store'>;
