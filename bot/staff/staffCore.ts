import type { i18n } from 'i18next';
import type { CareTeam } from '../careTeam/careTeam';
import { Clock } from '../clock';
import { Config } from '../config';
import { CheckIns } from '../domain/checkins';
import { Participants } from '../domain/participants';
import { EscalationCheck } from '../flags/escalation';
import { FlagEvents } from '../flags/events';
import type { Flag } from '../flags/flag';
import { FlagQueue } from '../flags/queue';
import { FlagRepository } from '../flags/repository';
import { FlagReview } from '../flags/review';
import { Logger } from '../log';
import { DocumentStore } from '../store/port';
import { AuditLog } from './audit';
import { Caseload } from './caseload';
import { OidcClient } from './oidc';
import { OidcFlows } from './oidcFlows';
import { OidcSignIn } from './oidcSignIn';
import { Sleep, StaffAuth } from './auth';
import { ParticipantAdmin, RescheduleHook } from './participantAdmin';
import { StaffSessions } from './sessions';
import { SignInGuard } from './signInGuard';
import { StaffAccounts } from './staffAccounts';
import { ScryptParams } from './password';
import { SafetyPlanService } from '../safetyPlan/service';
import { SafetyPlans } from '../safetyPlan/safetyPlans';
import { LessonService } from '../lessons/service';

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
  flags: FlagRepository;
  queue: FlagQueue;
  review: FlagReview;
  /** Staff changes in the dashboard are emitted as 'changed' (the Teams cards show who acknowledged). */
  flagEvents: FlagEvents;
  participantAdmin: ParticipantAdmin;
  /** Who looks after whom: a participant's assigned counsellor. */
  caseload: Caseload;
  safetyPlans: SafetyPlans;
  /** The thread with each participant and the hand-off (bot/careTeam). */
  careTeam: CareTeam;
  /** Each track's weekly lessons (the library, the plan). */
  lessons: LessonService;
  /** Sign-in with OpenID Connect, when STAFF_OIDC_* is configured. */
  oidc?: StaffOidc;
}

export interface StaffOidc {
  client: OidcClient;
  flows: OidcFlows;
  signIn: OidcSignIn;
}

export interface StaffCoreDeps {
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  store: DocumentStore;
  participants: Participants;
  checkins: CheckIns;
  flagEvents: FlagEvents;
  safetyPlan: SafetyPlanService;
  careTeam: CareTeam;
  lessons: LessonService;
  reschedule?: RescheduleHook;
  /** Tests: no real waiting between failed sign-ins. */
  sleep?: Sleep;
  /** Tests: a cheaper KDF for accounts they create. */
  kdf?: ScryptParams;
}

export function createStaffCore(deps: StaffCoreDeps): StaffCore {
  const { config, clock, store } = deps;
  const flags = new FlagRepository(store);
  const accounts = new StaffAccounts(store, clock, deps.kdf);
  const sessions = new StaffSessions(store, clock, config.staff.sessionIdleMinutes);
  const guard = new SignInGuard(store, clock, {
    maxFailures: config.staff.signInMaxFailures,
    lockMinutes: config.staff.signInLockMinutes,
    baseDelayMs: 500,
    maxDelayMs: 4000,
  }, deps.log);
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
    flags,
    queue: new FlagQueue(flags),
    review: new FlagReview(flags, clock, config.staff.teams !== undefined),
    flagEvents: deps.flagEvents,
    participantAdmin: new ParticipantAdmin(deps.participants, config.quietHours, config.enrollmentCodeDays, deps.reschedule),
    caseload: new Caseload(deps.participants, flags, accounts),
    safetyPlans: deps.safetyPlan.plans,
    careTeam: deps.careTeam,
    lessons: deps.lessons,
    oidc: config.staff.oidc && {
      client: new OidcClient(config.staff.oidc, config.publicBaseUrl),
      flows: new OidcFlows(store, clock),
      signIn: new OidcSignIn(config.staff.oidc, accounts, sessions),
    },
  };
}

/** The escalation check over the staff core: each escalation is audited as the system, then `post`ed (Teams). */
export function createEscalationCheck(core: StaffCore, post: (flag: Flag) => Promise<void>): EscalationCheck {
  const minutes = core.config.staff.escalationMinutes;
  return new EscalationCheck({
    flags: core.flags,
    review: core.review,
    clock: core.clock,
    log: core.log,
    minutes,
    post,
    record: (flag) =>
      core.audit.record({
        actor: null,
        actorRole: null,
        action: 'flag.escalate',
        recordType: 'flag',
        recordId: flag.id,
        participantId: flag.participantId,
        channel: 'system',
        detail: { minutes },
      }),
  });
}
