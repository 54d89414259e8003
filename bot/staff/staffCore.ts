import type { i18n } from 'i18next';
import { Clock } from '../clock';
import { Config } from '../config';
import { CheckIns } from '../domain/checkins';
import { Flag } from '../domain/flags';
import { Participants } from '../domain/participants';
import { Logger } from '../log';
import { DocumentStore } from '../store/port';
import { AuditLog } from './audit';
import { Sleep, StaffAuth } from './auth';
import { FlagQueue } from './flagQueue';
import { FlagReview } from './flagReview';
import { ParticipantAdmin, RescheduleHook } from './participantAdmin';
import { StaffSessions } from './sessions';
import { SignInGuard } from './signInGuard';
import { StaffAccounts } from './staffAccounts';
import { ScryptParams } from './password';
import { SafetyPlanService } from '../safetyPlan/service';
import { SafetyPlans } from '../safetyPlan/safetyPlans';

/** Everything the staff routes, the Teams handler and the escalation check work with. */
export interface StaffCore {
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  store: DocumentStore;
  participants: Participants;
  checkins: CheckIns;
  accounts: StaffAccounts;
  sessions: StaffSessions;
  guard: SignInGuard;
  auth: StaffAuth;
  audit: AuditLog;
  queue: FlagQueue;
  review: FlagReview;
  participantAdmin: ParticipantAdmin;
  safetyPlans: SafetyPlans;
  /** Told after staff change a flag in the dashboard (the Teams card shows who acknowledged). */
  flagChanged: Set<(flag: Flag) => Promise<void>>;
}

export interface StaffCoreDeps {
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  store: DocumentStore;
  participants: Participants;
  checkins: CheckIns;
  safetyPlan: SafetyPlanService;
  reschedule?: RescheduleHook;
  /** Tests: no real waiting between failed sign-ins. */
  sleep?: Sleep;
  /** Tests: a cheaper KDF for accounts they create. */
  kdf?: ScryptParams;
}

export function createStaffCore(deps: StaffCoreDeps): StaffCore {
  const { config, clock, store } = deps;
  const accounts = new StaffAccounts(store, clock, deps.kdf);
  const sessions = new StaffSessions(store, clock, config.staff.sessionIdleMinutes);
  const guard = new SignInGuard(store, clock, {
    maxFailures: config.staff.signInMaxFailures,
    lockMinutes: config.staff.signInLockMinutes,
    baseDelayMs: 500,
    maxDelayMs: 4000,
  });
  return {
    config,
    clock,
    log: deps.log,
    i18n: deps.i18n,
    store,
    participants: deps.participants,
    checkins: deps.checkins,
    accounts,
    sessions,
    guard,
    auth: new StaffAuth(accounts, sessions, guard, deps.sleep),
    audit: new AuditLog(store, clock),
    queue: new FlagQueue(store),
    review: new FlagReview(store, clock),
    participantAdmin: new ParticipantAdmin(deps.participants, config.quietHours, config.enrollmentCodeDays, deps.reschedule),
    safetyPlans: deps.safetyPlan.plans,
    flagChanged: new Set(),
  };
}
