import { fixedClock } from '../../bot/clock';
import { FlagReason } from '../../bot/flags/flag';
import { Participant } from '../../bot/domain/participant';
import { Language } from '../../bot/i18n';
import { StaffFeature } from '../../bot/staff/staffFeature';
import { StaffRole } from '../../bot/staff/staffAccounts';
import { DocumentStore, Stored } from '../../bot/store/port';
import { BotHarness } from '../helpers/botHarness';
import { CaptureConnector } from '../helpers/captureConnector';

export const PASSWORD = 'correct horse battery staple';
export const START = '2025-03-04T15:00:00.000Z';
export const STAFF_CHANNEL = '19:staff-channel@thread.tacv2';

/** A running app (BotHarness) with a movable clock, plus shortcuts to the staff feature. */
export class StaffHarness {
  readonly clock = fixedClock(START);
  /** The waits sign-in throttling asked for, in ms: recorded instead of slept, as the clock is fixed too. */
  readonly signInWaits: number[] = [];
  h!: BotHarness;
  /** The staff channel's connector (withTeams only). */
  teams: CaptureConnector | undefined;

  static async start(env: Record<string, string> = {}, store?: DocumentStore): Promise<StaffHarness> {
    const s = new StaffHarness();
    s.h = await BotHarness.start({ clock: s.clock, store, env, staff: s.staffOptions() });
    return s;
  }

  /** Starts with the staff Teams channel served by its own capture connector (`teams`). */
  static async withTeams(env: Record<string, string> = {}): Promise<StaffHarness> {
    const s = new StaffHarness();
    s.teams = new CaptureConnector();
    await s.teams.start();
    try {
      s.h = await BotHarness.start({
        clock: s.clock,
        staff: s.staffOptions(),
        env: { STAFF_TEAMS_CONVERSATION_ID: STAFF_CHANNEL, STAFF_TEAMS_SERVICE_URL: s.teams.url, PUBLIC_BASE_URL: 'https://puente.example.org', ...env },
      });
    } catch (err) {
      await s.teams.stop();
      throw err;
    }
    return s;
  }

  private staffOptions() {
    return { sleep: async (ms: number) => void this.signInWaits.push(ms) };
  }

  get base(): string {
    return this.h.baseUrl;
  }

  get staff(): StaffFeature {
    return this.h.app.staff;
  }

  get services() {
    return this.h.app.services;
  }

  async account(email: string, role: StaffRole, options: { language?: Language; aadObjectId?: string } = {}) {
    return this.staff.core.accounts.add({ email, role, password: PASSWORD, ...options });
  }

  async participant(name = 'Ana María Ruiz', fields: Partial<Participant> = {}): Promise<Stored<Participant>> {
    return this.services.participants.add({
      displayName: name,
      language: 'es',
      timeZone: 'America/Chicago',
      track: 'evening',
      checkinTime: '19:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
      ...fields,
    });
  }

  async flag(participantId: string, id: string, reasons: FlagReason[], message: string | null = null) {
    return this.services.flags.raise({ id, participantId, source: message ? 'crisis' : 'checkin', reasons, message });
  }

  async stop(): Promise<void> {
    try {
      await this.h.stop();
    } finally {
      await this.teams?.stop();
    }
  }
}

export const URGENT: FlagReason[] = [{ code: 'safety_yes', severity: 'urgent' }];
export const HIGH: FlagReason[] = [{ code: 'craving_high', severity: 'high', detail: { craving: 9, threshold: 8 } }];
export const MODERATE: FlagReason[] = [{ code: 'sleep_low', severity: 'moderate', detail: { sleepHours: 3, threshold: 4 } }];
export const LOW: FlagReason[] = [{ code: 'outreach_undeliverable', severity: 'low' }];

/** A browser-less dashboard client: keeps the session cookie and the CSRF token. */
export class StaffClient {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(readonly base: string) {}

  static async signedIn(base: string, email: string, password = PASSWORD): Promise<StaffClient> {
    const c = new StaffClient(base);
    const res = await c.signIn(email, password);
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
    return c;
  }

  async signIn(email: string, password: string): Promise<Response> {
    const res = await fetch(`${this.base}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (res.status === 200 && setCookie) {
      this.cookie = setCookie.split(';')[0];
      this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  async call(method: string, path: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
  }

  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call(method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export function flagApi(participantId: string, flagId: string): string {
  return `/api/staff/flags/${encodeURIComponent(participantId)}/${encodeURIComponent(flagId)}`;
}
