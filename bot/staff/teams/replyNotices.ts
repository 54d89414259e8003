import { ActivityTypes } from 'botbuilder';
import { DateTime } from 'luxon';
import type { ParticipantMessageEvent } from '../../careTeam/careTeam';
import { translatorFor } from '../../i18n';
import { initialsOf } from '../participantAdmin';
import { displayNameOf } from '../staffAccounts';
import { StaffCore } from '../staffCore';
import { TeamsAlerts } from './teamsAlerts';

/**
 * A participant answered during a counsellor's conversation: one line in the
 * staff Teams channel, @mentioning that counsellor when their Teams account is
 * mapped (Teams notifies them personally), so the channel hears of it
 * whether or not anyone is assigned. Initials, a time and a link: never the
 * message text.
 */
export class ReplyNotices {
  constructor(
    private readonly core: StaffCore,
    private readonly alerts: TeamsAlerts,
  ) {}

  async onParticipantMessage(event: ParticipantMessageEvent): Promise<void> {
    const language = this.core.config.staff.teams?.language ?? this.core.config.defaultLanguage;
    const t = translatorFor(this.core.i18n, language);
    const [participant, counsellor] = await Promise.all([this.core.participants.get(event.participantId), this.core.accounts.byEmail(event.handoff.openedBy)]);
    const time = DateTime.fromISO(event.message.at, { zone: this.core.config.programTimeZone }).setLocale(language).toLocaleString(DateTime.TIME_SIMPLE);
    const url = `${this.core.config.publicBaseUrl}/staff/participants/${encodeURIComponent(event.participantId)}`;
    const name = counsellor ? displayNameOf(counsellor) : event.handoff.openedBy;
    const mention = counsellor?.aadObjectId ? `<at>${name}</at>` : name;
    const text = t('staff:teams.replyNotice', { who: mention, initials: participant ? initialsOf(participant.displayName) : '?', time, url });
    await this.alerts.postToChannel({
      type: ActivityTypes.Message,
      text,
      entities: counsellor?.aadObjectId ? [{ type: 'mention', text: mention, mentioned: { id: counsellor.aadObjectId, name } }] : undefined,
    });
  }
}
