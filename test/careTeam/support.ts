import { fixedClock } from '../../bot/clock';
import { Participant } from '../../bot/domain/participant';
import { createI18n, Language } from '../../bot/i18n';
import { Stored } from '../../bot/store/port';
import { BotHarness } from '../helpers/botHarness';
import { CaptureConnector } from '../helpers/captureConnector';
import { StoreHandle, StoreFactory } from '../helpers/stores';
import { PASSWORD, STAFF_CHANNEL, StaffClient } from '../staff/staffHarness';

const i18n = createI18n();
export const t = (language: Language, key: string, vars: Record<string, unknown> = {}) => i18n.getFixedT(language)(key, vars);

/** Tuesday 10:00 in New York: the care team is at work (PROGRAM_HOURS defaults). */
export const AT_WORK = '2025-03-04T15:00:00.000Z';
export const COUNSELLOR = { email: 'maria.lopez@clinic.example', name: 'Maria', aadObjectId: 'aad-maria' };

/**
 * A running app on one store with the staff Teams channel on its own capture
 * connector, a counsellor signed in to the dashboard, and a participant who
 * consented on one channel: the pieces every care-team test starts from.
 */
export class CareTeamWorld {
  readonly clock = fixedClock(AT_WORK);
  store!: StoreHandle;
  h!: BotHarness;
  teams = new CaptureConnector();
  staff!: StaffClient;

  static async start(factory: StoreFactory): Promise<CareTeamWorld> {
    const w = new CareTeamWorld();
    w.store = await factory.make();
    await w.teams.start();
    try {
      w.h = await BotHarness.start({
        store: w.store.store,
        clock: w.clock,
        env: {
          STAFF_TEAMS_CONVERSATION_ID: STAFF_CHANNEL,
          STAFF_TEAMS_SERVICE_URL: w.teams.url,
          PUBLIC_BASE_URL: 'https://puente.example.org',
          // The shared sender paces SMS; a test need not wait a second between its messages.
          OUTREACH_SMS_PER_SECOND: '50',
        },
      });
      await w.h.app.staff.core.accounts.add({ email: COUNSELLOR.email, role: 'clinician', password: PASSWORD, displayName: COUNSELLOR.name, aadObjectId: COUNSELLOR.aadObjectId });
      w.staff = await StaffClient.signedIn(w.h.baseUrl, COUNSELLOR.email);
    } catch (err) {
      await w.stop();
      throw err;
    }
    return w;
  }

  async stop(): Promise<void> {
    await this.h?.stop();
    await this.teams.stop();
    await this.store?.cleanup();
  }

  /** An enrolled participant who consented on `channelId`, linked to the capture connector. */
  async participant(language: Language, channelId: 'sms' | 'msteams', name = 'Rosa Núñez'): Promise<{ p: Stored<Participant>; user: { id: string; channelId: string } }> {
    const { participants } = this.h.app.services;
    const p = await participants.add({
      displayName: name, language, timeZone: 'America/Chicago', track: 'evening', checkinTime: '19:00', screenWeekday: 1, reminders: { enabled: true, leadMinutes: 60 },
    });
    const user = { id: `${channelId}-${p.id.slice(0, 8)}`, channelId };
    await participants.link(p.id, { channelId, serviceUrl: this.h.connector.url, conversationId: `conv-${user.id}`, userId: user.id, botId: 'puente-bot' });
    const linked = await participants.update(p.id, (x) => {
      x.consent = { given: true, at: this.clock().toISOString(), channel: channelId };
    });
    return { p: linked, user };
  }

  /** What the participant's phone or Teams chat received, as text. */
  received(user: { id: string }): string[] {
    return this.h.connector.forConversation(`conv-${user.id}`).map((a) => String(a.text ?? ''));
  }

  async write(participantId: string, text: string, key?: string): Promise<Response> {
    return this.staff.call('POST', `/api/staff/participants/${encodeURIComponent(participantId)}/messages`, { text }, key ? { headers: { 'idempotency-key': key } } : {});
  }

  async thread(participantId: string, continuation?: string): Promise<any> {
    const query = continuation ? `?continuation=${encodeURIComponent(continuation)}` : '';
    return this.staff.json('GET', `/api/staff/participants/${encodeURIComponent(participantId)}/messages${query}`);
  }
}
