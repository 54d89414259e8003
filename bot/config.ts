import { z } from 'zod';
import { DateTime } from 'luxon';
import { ProgramHours } from './domain/programHours';
import type { MeasureDefaults } from './measures/plan';
import { LANGUAGES } from './i18n';
import { nodeLoadsOidc, OIDC_NODE_REQUIREMENT } from './staff/oidcRuntime';
import { Track, TRACKS } from './domain/participant';

/**
 * Every setting Puente reads from the environment, validated once at start-up.
 * `.env.example` lists the same variables with a comment each.
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ianaZone = z.string().refine((zone) => DateTime.local().setZone(zone).isValid, 'must be an IANA time zone');

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:mm');

/** ISO weekdays as a list and/or ranges: "1-5", "1,3,5", "1-5,7". */
const weekdays = z
  .string()
  .regex(/^[1-7](-[1-7])?(,[1-7](-[1-7])?)*$/, 'must list ISO weekdays 1-7, e.g. 1-5 or 1,2,3,4,5')
  .transform((v) => {
    const days = new Set<number>();
    for (const part of v.split(',')) {
      const [from, to = from] = part.split('-').map(Number);
      for (let d = Math.min(from, to); d <= Math.max(from, to); d++) days.add(d);
    }
    return [...days].sort((a, b) => a - b);
  });

/** Local dates, comma-separated (may be empty). */
const dateList = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*)?$/, 'must be dates YYYY-MM-DD separated by commas')
  .refine((v) => v === '' || v.split(',').every((d) => DateTime.fromISO(d).isValid), 'must be real dates')
  .transform((v) => (v === '' ? [] : v.split(',')));

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Comma-separated values; blank entries dropped. */
const list = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean));

const envSchema = z
  .object({
    // `production` turns on the guards below (the Dockerfile and the Azure template set it).
    NODE_ENV: optional,
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: optional,
    LOCAL_SERVICE_URL_ALLOW: optional,
    OUTBOUND_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(300).default(15),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
    // Telemetry (bot/telemetry.ts): OpenTelemetry exported to Application Insights when set.
    APPLICATIONINSIGHTS_CONNECTION_STRING: optional,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('./data/puente.db'),
    COSMOS_ENDPOINT: optional.pipe(z.string().url().optional()),
    COSMOS_KEY: optional,
    COSMOS_DATABASE: z.string().min(1).default('puente'),
    COSMOS_ENDPOINT_DISCOVERY: flag.default(true),
    MicrosoftAppId: optional,
    MicrosoftAppPassword: optional,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optional,
    DEFAULT_LOCALE: z.enum(LANGUAGES).default('en'),
    PROGRAM_TIMEZONE: ianaZone.default('America/New_York'),
    OPEN_ENROLLMENT: flag.default(false),
    ENROLLMENT_CODE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    CHECKIN_RESUME_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
    // Measures (bot/measures/plan.ts): weeks between full PHQ-9/GAD-7 and between BAMs, unless a participant has their own.
    MEASURES_FULL_EVERY_WEEKS: z.coerce.number().int().min(1).max(52).default(4),
    MEASURES_BAM_EVERY_WEEKS: z.coerce.number().int().min(1).max(52).default(4),
    CLINIC_PHONE: z.string().default('(555) 010-0000'),
    FLAG_RULES_PATH: optional,
    QUIET_HOURS_START: hhmm.default('21:00'),
    QUIET_HOURS_END: hhmm.default('08:00'),
    // When the care team works (bot/domain/programHours.ts): what the crisis replies promise.
    PROGRAM_HOURS_DAYS: weekdays.prefault('1-5'),
    PROGRAM_HOURS_OPEN: hhmm.default('08:00'),
    PROGRAM_HOURS_CLOSE: hhmm.default('17:00'),
    PROGRAM_HOURS_TIMEZONE: optional.pipe(ianaZone.optional()),
    PROGRAM_HOLIDAYS: dateList.prefault(''),
    // The safety episode (bot/safety/episode*.ts).
    SAFETY_EPISODE_QUIET_HOURS: z.coerce.number().min(1).max(72).default(12),
    SAFETY_LINES_REPEAT_MINUTES: z.coerce.number().int().min(1).max(120).default(5),
    SAFETY_QUESTION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    // Outreach scheduler (bot/outreach).
    OUTREACH_FOLLOWUP_HOURS: z.coerce.number().int().min(1).max(12).default(3),
    OUTREACH_SMS_PER_SECOND: z.coerce.number().min(0).max(100).default(1),
    OUTREACH_TEAMS_PER_SECOND: z.coerce.number().min(0).max(50).default(3),
    OUTREACH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
    OUTREACH_LEASE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
    OUTREACH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    // Weekly lessons (bot/lessons): the ISO weekday they go out, per track where it differs from the default.
    LESSON_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
    LESSON_WEEKDAY_BY_TRACK: z
      .string()
      .regex(new RegExp(`^((${TRACKS.join('|')})=[1-7](,(${TRACKS.join('|')})=[1-7])*)?$`), `must be track=weekday pairs, e.g. evening=3 (tracks: ${TRACKS.join(', ')})`)
      .default(''),
    // "How am I doing" (dialogs/progressDialog.ts): false leaves the PHQ-9/GAD-7 band out of the summary.
    PROGRESS_SHOW_SURVEY_BAND: flag.default(true),
    // Staff dashboard and Teams alerts (bot/staff).
    PUBLIC_BASE_URL: optional.pipe(z.string().url().optional()),
    STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    STAFF_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    STAFF_SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    STAFF_ESCALATION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    STAFF_TRUST_PROXY: flag.default(false),
    STAFF_TEAMS_CONVERSATION_ID: optional,
    STAFF_TEAMS_SERVICE_URL: optional.pipe(z.string().url().optional()),
    STAFF_TEAMS_TENANT_ID: optional,
    STAFF_TEAMS_LANGUAGE: optional.pipe(z.enum(LANGUAGES).optional()),
    // Staff sign-in with OpenID Connect (Microsoft Entra ID), bot/staff/oidc.ts.
    STAFF_OIDC_ISSUER: optional.pipe(z.string().url().optional()),
    STAFF_OIDC_CLIENT_ID: optional,
    STAFF_OIDC_CLIENT_SECRET: optional,
    STAFF_OIDC_CLIENT_KEY_PATH: optional,
    STAFF_OIDC_ADMIN_ROLES: list.transform((v) => (v.length ? v : ['Puente.Admin'])),
    STAFF_OIDC_CLINICIAN_ROLES: list.transform((v) => (v.length ? v : ['Puente.Clinician'])),
    STAFF_OIDC_ADMIN_GROUPS: list,
    STAFF_OIDC_CLINICIAN_GROUPS: list,
    STAFF_PASSWORD_SIGNIN: flag.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.STORE === 'cosmos' && !env.COSMOS_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['COSMOS_ENDPOINT'], message: 'is required when STORE=cosmos' });
    }
    // Quiet hours span the night and may only grow beyond 21:00-08:00 (CONTENT.md).
    if (env.QUIET_HOURS_START > '21:00' || env.QUIET_HOURS_START <= env.QUIET_HOURS_END) {
      ctx.addIssue({ code: 'custom', path: ['QUIET_HOURS_START'], message: 'must be 21:00 or earlier and after QUIET_HOURS_END' });
    }
    if (env.PROGRAM_HOURS_OPEN >= env.PROGRAM_HOURS_CLOSE) {
      ctx.addIssue({ code: 'custom', path: ['PROGRAM_HOURS_CLOSE'], message: 'must be later than PROGRAM_HOURS_OPEN' });
    }
    if (env.QUIET_HOURS_END < '08:00') {
      ctx.addIssue({ code: 'custom', path: ['QUIET_HOURS_END'], message: 'must be 08:00 or later' });
    }
    if (Boolean(env.STAFF_TEAMS_CONVERSATION_ID) !== Boolean(env.STAFF_TEAMS_SERVICE_URL)) {
      ctx.addIssue({ code: 'custom', path: ['STAFF_TEAMS_SERVICE_URL'], message: 'must be set together with STAFF_TEAMS_CONVERSATION_ID' });
    }
    if (env.STAFF_OIDC_ISSUER && !env.STAFF_OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['STAFF_OIDC_CLIENT_ID'], message: 'is required when STAFF_OIDC_ISSUER is set' });
    }
    if (env.STAFF_OIDC_ISSUER && !env.STAFF_OIDC_CLIENT_SECRET === !env.STAFF_OIDC_CLIENT_KEY_PATH) {
      ctx.addIssue({ code: 'custom', path: ['STAFF_OIDC_CLIENT_SECRET'], message: 'or STAFF_OIDC_CLIENT_KEY_PATH (one of the two) is required when STAFF_OIDC_ISSUER is set' });
    }
    if (!env.STAFF_PASSWORD_SIGNIN && !env.STAFF_OIDC_ISSUER) {
      ctx.addIssue({ code: 'custom', path: ['STAFF_PASSWORD_SIGNIN'], message: 'may be false only when STAFF_OIDC_ISSUER is set (nobody could sign in)' });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required for ${env.MicrosoftAppType} apps` });
    }
    // Local mode takes anonymous traffic and serves the playground: never in production.
    if (env.NODE_ENV === 'production') {
      if (!env.MicrosoftAppId) ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required when NODE_ENV=production' });
      if (!env.PUBLIC_BASE_URL) ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required when NODE_ENV=production' });
      if (env.OPEN_ENROLLMENT) ctx.addIssue({ code: 'custom', path: ['OPEN_ENROLLMENT'], message: 'must be false when NODE_ENV=production' });
    }
  });

export type Env = z.output<typeof envSchema>;

/** Every environment variable Puente reads (the .env.example test checks each is documented). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  port: number;
  /** Address to listen on: 127.0.0.1 in local mode, every interface otherwise, unless HOST says. */
  host: string;
  /** Hosts besides loopback a local-mode activity's serviceUrl may name (replies go there). */
  localServiceUrlHosts: string[];
  /** Every call the bot makes to a connector (replies, proactive sends, Teams alerts) gives up after this. */
  outboundTimeoutMs: number;
  /** On SIGTERM, how long requests in flight may take to finish before the process closes anyway. */
  shutdownGraceMs: number;
  logLevel: Env['LOG_LEVEL'];
  /** Application Insights connection string; absent: no telemetry is exported. */
  appInsightsConnectionString?: string;
  store: 'sqlite' | 'cosmos';
  sqlitePath: string;
  cosmos: { endpoint?: string; key?: string; database: string; endpointDiscovery: boolean };
  bot: { appId?: string; appPassword?: string; appType: Env['MicrosoftAppType']; tenantId?: string };
  /** True when MicrosoftAppId is unset: anonymous local traffic, playground on. */
  localMode: boolean;
  defaultLanguage: Env['DEFAULT_LOCALE'];
  programTimeZone: string;
  openEnrollment: boolean;
  enrollmentCodeDays: number;
  checkinResumeMinutes: number;
  /** Program defaults of the measure schedules (participants may have their own). */
  measures: MeasureDefaults;
  clinicPhone: string;
  flagRulesPath?: string;
  /** No outreach from `start` until `end`, participant local time (night span). */
  quietHours: { start: string; end: string };
  outreach: OutreachConfig;
  progress: ProgressConfig;
  /** When the care team works: out of these hours, replies say when they are back. */
  programHours: ProgramHours;
  safety: SafetyConfig;
  /** Where people reach this service (links in Teams alerts); defaults to http://localhost:PORT. */
  publicBaseUrl: string;
  staff: StaffConfig;
}

/** The care team's side: dashboard sessions, sign-in lockout, Teams alerts. */
export interface StaffConfig {
  sessionIdleMinutes: number;
  signInMaxFailures: number;
  signInLockMinutes: number;
  /** An urgent flag still open this long after it was raised is posted again and bannered. */
  escalationMinutes: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** The staff Teams channel alerts go to; absent: no Teams alerts. */
  teams?: { conversationId: string; serviceUrl: string; tenantId?: string; language: Env['DEFAULT_LOCALE'] };
  /** Sign-in with OpenID Connect (Entra ID); absent: passwords only. */
  oidc?: StaffOidcConfig;
  /** False: the password form and routes are gone (OIDC only). */
  passwordSignIn: boolean;
}

export interface StaffOidcConfig {
  issuer: string;
  clientId: string;
  /** client_secret_basic … */
  clientSecret?: string;
  /** … or private_key_jwt with this PEM private key (and its certificate, which Entra identifies it by). */
  clientKeyPath?: string;
  /** App role values (`roles` claim) and group object ids (`groups` claim) that make someone admin or clinician. */
  adminRoles: string[];
  clinicianRoles: string[];
  adminGroups: string[];
  clinicianGroups: string[];
}

/** The safety episode: how long it stays open, how often the full crisis lines repeat. */
export interface SafetyConfig {
  /** An episode with no message from the person for this long ends by itself. */
  episodeQuietHours: number;
  /** The full crisis lines go out again at most this often (988 / AYUDA / HELP always get them). */
  linesRepeatMinutes: number;
  /** The possible-risk question counts as unanswered after this long; its review flag stays for staff. */
  questionMinutes: number;
}

/** Proactive messages (bot/outreach). */
export interface OutreachConfig {
  /** The one follow-up goes this many hours after an unanswered check-in prompt. */
  followupHours: number;
  /** Sends per second: SMS for the whole channel, Teams per conversation; 0 = no limit. */
  rates: { smsPerSecond: number; teamsPerSecondPerConversation: number };
  /** Tries per message on transient failures (5xx, timeouts, 429) before it is recorded failed. */
  maxAttempts: number;
  /** How long a claim holds: a crash between claim and send is retried by a later tick after this. */
  leaseSeconds: number;
  /** Messages one tick works on at once. */
  concurrency: number;
  /** ISO weekday (1 = Monday) each track's weekly lesson goes out, at the participant's check-in time. */
  lessonWeekdays: Record<Track, number>;
}

/** The participant's own progress summary. */
export interface ProgressConfig {
  /** Whether the summary names the latest PHQ-9/GAD-7 band (in plain words); a clinic may switch it off. */
  showSurveyBand: boolean;
}

export class ConfigError extends Error {}

/** "evening=3,morning=2" over the default weekday, for every track. */
function lessonWeekdays(fallback: number, byTrack: string): Record<Track, number> {
  const days = Object.fromEntries(TRACKS.map((track) => [track, fallback])) as Record<Track, number>;
  for (const pair of byTrack.split(',').filter(Boolean)) {
    const [track, day] = pair.split('=');
    days[track as Track] = Number(day);
  }
  return days;
}

/**
 * Parses the environment; throws ConfigError with one line naming the first bad variable.
 * `nodeVersion` is the runtime's (a parameter so the OIDC runtime check is testable on any Node).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, nodeVersion: string = process.versions.node): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.') || 'environment'} ${issue.message}`);
  }
  const e = parsed.data;
  if (e.STAFF_OIDC_ISSUER && !nodeLoadsOidc(nodeVersion)) {
    throw new ConfigError(`Invalid configuration: STAFF_OIDC_ISSUER needs ${OIDC_NODE_REQUIREMENT} (openid-client is an ES module); this is Node ${nodeVersion}`);
  }
  return {
    port: e.PORT,
    host: e.HOST ?? (e.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
    localServiceUrlHosts: (e.LOCAL_SERVICE_URL_ALLOW ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    outboundTimeoutMs: Math.round(e.OUTBOUND_TIMEOUT_SECONDS * 1000),
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
    logLevel: e.LOG_LEVEL,
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    store: e.STORE,
    sqlitePath: e.SQLITE_PATH,
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      database: e.COSMOS_DATABASE,
      endpointDiscovery: e.COSMOS_ENDPOINT_DISCOVERY,
    },
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    localMode: !e.MicrosoftAppId,
    defaultLanguage: e.DEFAULT_LOCALE,
    programTimeZone: e.PROGRAM_TIMEZONE,
    openEnrollment: e.OPEN_ENROLLMENT,
    enrollmentCodeDays: e.ENROLLMENT_CODE_DAYS,
    checkinResumeMinutes: e.CHECKIN_RESUME_MINUTES,
    measures: { fullEveryWeeks: e.MEASURES_FULL_EVERY_WEEKS, bamEveryWeeks: e.MEASURES_BAM_EVERY_WEEKS },
    clinicPhone: e.CLINIC_PHONE,
    flagRulesPath: e.FLAG_RULES_PATH,
    quietHours: { start: e.QUIET_HOURS_START, end: e.QUIET_HOURS_END },
    outreach: {
      followupHours: e.OUTREACH_FOLLOWUP_HOURS,
      rates: { smsPerSecond: e.OUTREACH_SMS_PER_SECOND, teamsPerSecondPerConversation: e.OUTREACH_TEAMS_PER_SECOND },
      maxAttempts: e.OUTREACH_MAX_ATTEMPTS,
      leaseSeconds: e.OUTREACH_LEASE_SECONDS,
      concurrency: e.OUTREACH_CONCURRENCY,
      lessonWeekdays: lessonWeekdays(e.LESSON_WEEKDAY, e.LESSON_WEEKDAY_BY_TRACK),
    },
    progress: { showSurveyBand: e.PROGRESS_SHOW_SURVEY_BAND },
    programHours: {
      days: e.PROGRAM_HOURS_DAYS,
      open: e.PROGRAM_HOURS_OPEN,
      close: e.PROGRAM_HOURS_CLOSE,
      timeZone: e.PROGRAM_HOURS_TIMEZONE ?? e.PROGRAM_TIMEZONE,
      holidays: e.PROGRAM_HOLIDAYS,
    },
    safety: {
      episodeQuietHours: e.SAFETY_EPISODE_QUIET_HOURS,
      linesRepeatMinutes: e.SAFETY_LINES_REPEAT_MINUTES,
      questionMinutes: e.SAFETY_QUESTION_MINUTES,
    },
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    staff: {
      sessionIdleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
      signInMaxFailures: e.STAFF_SIGNIN_MAX_FAILURES,
      signInLockMinutes: e.STAFF_SIGNIN_LOCK_MINUTES,
      escalationMinutes: e.STAFF_ESCALATION_MINUTES,
      trustProxy: e.STAFF_TRUST_PROXY,
      teams:
        e.STAFF_TEAMS_CONVERSATION_ID && e.STAFF_TEAMS_SERVICE_URL
          ? {
              conversationId: e.STAFF_TEAMS_CONVERSATION_ID,
              serviceUrl: e.STAFF_TEAMS_SERVICE_URL,
              tenantId: e.STAFF_TEAMS_TENANT_ID,
              language: e.STAFF_TEAMS_LANGUAGE ?? e.DEFAULT_LOCALE,
            }
          : undefined,
      oidc:
        e.STAFF_OIDC_ISSUER && e.STAFF_OIDC_CLIENT_ID
          ? {
              issuer: e.STAFF_OIDC_ISSUER,
              clientId: e.STAFF_OIDC_CLIENT_ID,
              clientSecret: e.STAFF_OIDC_CLIENT_SECRET,
              clientKeyPath: e.STAFF_OIDC_CLIENT_KEY_PATH,
              adminRoles: e.STAFF_OIDC_ADMIN_ROLES,
              clinicianRoles: e.STAFF_OIDC_CLINICIAN_ROLES,
              adminGroups: e.STAFF_OIDC_ADMIN_GROUPS,
              clinicianGroups: e.STAFF_OIDC_CLINICIAN_GROUPS,
            }
          : undefined,
      passwordSignIn: e.STAFF_PASSWORD_SIGNIN,
    },
  };
}
