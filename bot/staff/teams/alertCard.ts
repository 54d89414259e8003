import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { MAX_MESSAGE_LENGTH } from '../../careTeam/staffMessages';
import { Flag, FlagReason } from '../../flags/flag';
import { Track } from '../../domain/participant';
import { flagPath } from '../http/pages';
import { senderRef } from '../views';

/** What a card's Acknowledge button sends back (Action.Execute data, or the Action.Submit value). */
export const ACK_VERB = 'ack';
export const STAFF_ACTION_FIELD = 'puenteStaff';

export interface AckData {
  [STAFF_ACTION_FIELD]: typeof ACK_VERB;
  participantId: string;
  flagId: string;
}

/** The Reply button: the text of the card's input (REPLY_INPUT) arrives merged into this data. */
export const REPLY_VERB = 'reply';
export const REPLY_INPUT = 'replyText';

export interface ReplyData {
  [STAFF_ACTION_FIELD]: typeof REPLY_VERB;
  participantId: string;
  flagId: string;
}

export function isReplyData(value: unknown): value is ReplyData & { [REPLY_INPUT]?: unknown } {
  const v = value as Partial<ReplyData> | null;
  return !!v && typeof v === 'object' && v[STAFF_ACTION_FIELD] === REPLY_VERB && typeof v.participantId === 'string' && typeof v.flagId === 'string';
}

export function isAckData(value: unknown): value is AckData {
  const v = value as Partial<AckData> | null;
  return !!v && typeof v === 'object' && v[STAFF_ACTION_FIELD] === ACK_VERB && typeof v.participantId === 'string' && typeof v.flagId === 'string';
}

/** The slice of Adaptive Card 1.5 this card uses, typed so a misspelt property fails to compile. */
interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium';
  color?: 'Attention' | 'Warning' | 'Good';
}
interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
}
interface InputText {
  type: 'Input.Text';
  id: typeof REPLY_INPUT;
  label: string;
  placeholder: string;
  isMultiline: true;
  maxLength: number;
}
interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: AckData | ReplyData;
}
interface ExecuteAction {
  type: 'Action.Execute';
  verb: typeof ACK_VERB | typeof REPLY_VERB;
  title: string;
  data: AckData | ReplyData;
  /** Clients without Universal Actions show the Submit button instead. */
  fallback: SubmitAction;
}
interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
export interface AlertCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  fallbackText: string;
  body: Array<TextBlock | FactSet | InputText>;
  actions: Array<ExecuteAction | OpenUrlAction>;
}

export interface AlertCardInput {
  flag: Pick<
    Flag,
    'id' | 'participantId' | 'severity' | 'reasons' | 'createdAt' | 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolvedBy' | 'escalatedAt' | 'messages' | 'sender'
  >;
  /** Initials only: the channel is not the place for names. Null for someone not enrolled. */
  initials: string | null;
  track: Track | null;
  escalated: boolean;
  publicBaseUrl: string;
  timeZone: string;
  language: string;
  t: TFunction;
}

/** A reason as staff read it, with the kind of danger in words (never a lexicon id). */
export function reasonLabel(reason: FlagReason, t: TFunction): string {
  const label = t(`staff:reason.${reason.code}`, { defaultValue: reason.code }) as string;
  const kind = reason.detail?.kind;
  return kind ? t('staff:reasonWithKind', { reason: label, kind: t(`staff:kind.${kind}`, { defaultValue: String(kind) }) }) : label;
}

/** Who the flag is about: initials, or for someone not enrolled their channel and masked address, as the dashboard shows them. */
function whoOf(input: AlertCardInput): string {
  const { t } = input;
  if (input.initials !== null) return input.initials;
  const sender = senderRef(input.flag);
  if (!sender) return t('staff:app.unknownSender', { channel: t('staff:app.empty') });
  return t('staff:stranger', { channel: t(`staff:channelName.${sender.channel}`, { defaultValue: sender.channel }), masked: sender.masked });
}

/**
 * The staff channel's alert: severity, reason labels, initials (a stranger's
 * channel and masked address) and track, the time, a link to the flag in the
 * dashboard, and Acknowledge while the flag is open. Minimum necessary: no names, no free text, no answer values.
 */
export function alertCard(input: AlertCardInput): AlertCard {
  const { flag, t } = input;
  const severity = t(`staff:severity.${flag.severity}`);
  const title = input.escalated ? t('staff:teams.escalatedTitle', { severity }) : t('staff:teams.cardTitle', { severity });
  const when = (iso: string) =>
    DateTime.fromISO(iso, { zone: input.timeZone }).setLocale(input.language).toLocaleString(DateTime.DATETIME_MED);
  const reasons = flag.reasons.map((r) => reasonLabel(r, t)).join('; ');
  const messages = flag.messages ?? [];
  const url = `${input.publicBaseUrl}${flagPath(flag.participantId, flag.id)}`;
  const body: AlertCard['body'] = [
    { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder', size: 'Medium', color: flag.severity === 'urgent' ? 'Attention' : 'Warning' },
    {
      type: 'FactSet',
      facts: [
        { title: t('staff:teams.participant'), value: whoOf(input) },
        { title: t('staff:teams.track'), value: input.track ? t(`staff:track.${input.track}`) : t('staff:track.none') },
        { title: t('staff:teams.raised'), value: when(flag.createdAt) },
        { title: t('staff:teams.reasons'), value: reasons },
        // How many messages a safety episode has brought, never what they say.
        ...(messages.length > 1 ? [{ title: t('staff:teams.messages'), value: t('staff:teams.messageCount', { count: messages.length, time: when(messages.at(-1)!.at) }) }] : []),
      ],
    },
  ];
  if (flag.acknowledgedAt && flag.acknowledgedBy) {
    body.push({ type: 'TextBlock', text: t('staff:teams.acknowledgedBy', { who: flag.acknowledgedBy, time: when(flag.acknowledgedAt) }), wrap: true, color: 'Good' });
  }
  if (flag.resolvedAt && flag.resolvedBy) {
    body.push({ type: 'TextBlock', text: t('staff:teams.resolvedBy', { who: flag.resolvedBy, time: when(flag.resolvedAt) }), wrap: true, color: 'Good' });
  }
  const data: AckData = { [STAFF_ACTION_FIELD]: ACK_VERB, participantId: flag.participantId, flagId: flag.id };
  const actions: AlertCard['actions'] = [];
  if (flag.status === 'open') {
    const ack = t('staff:teams.acknowledge');
    actions.push({ type: 'Action.Execute', verb: ACK_VERB, title: ack, data, fallback: { type: 'Action.Submit', title: ack, data } });
  }
  // Someone enrolled can be written to from here, as the staff account the Teams user is mapped to.
  if (input.initials !== null && flag.status !== 'resolved') {
    body.push({ type: 'Input.Text', id: REPLY_INPUT, label: t('staff:teams.replyLabel'), placeholder: t('staff:teams.replyPlaceholder'), isMultiline: true, maxLength: MAX_MESSAGE_LENGTH });
    const reply: ReplyData = { [STAFF_ACTION_FIELD]: REPLY_VERB, participantId: flag.participantId, flagId: flag.id };
    const send = t('staff:teams.replySend');
    actions.push({ type: 'Action.Execute', verb: REPLY_VERB, title: send, data: reply, fallback: { type: 'Action.Submit', title: send, data: reply } });
  }
  actions.push({ type: 'Action.OpenUrl', title: t('staff:teams.open'), url });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${title} — ${url}`,
    body,
    actions,
  };
}
