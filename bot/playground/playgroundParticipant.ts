import { randomUUID } from 'node:crypto';
import { languageOf, translatorFor } from '../i18n';
import { Participant } from '../domain/participant';
import { Services } from '../services';
import { Stored } from '../store/port';
import { PREVIEW_CHANNELS, PreviewChannel, PreviewLocale } from './conversations';

/**
 * Playground user ids are ours alone: a fixed prefix and a UUID. A page can
 * name only such an id, so the playground never links or removes a real
 * channel user's participant.
 */
const USER_ID_PATTERN = /^pg-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONSENT_PREFIX = 'playground-';

export function isPlaygroundUserId(value: unknown): value is string {
  return typeof value === 'string' && USER_ID_PATTERN.test(value);
}

export function newPlaygroundUserId(): string {
  return `pg-${randomUUID()}`;
}

/** Where the bot reaches this playground user on one channel preview. */
export interface PlaygroundAddress {
  userId: string;
  channelId: PreviewChannel;
  locale: PreviewLocale;
  conversationId: string;
  serviceUrl: string;
  botId: string;
}

/**
 * In local mode the playground user is enrolled without a code: the first
 * conversation creates a participant (language from the locale control, the
 * program's time zone, consent recorded as given on 'playground-<channel>');
 * every conversation links it on its channel preview, so replies and outreach
 * reach the conversation on screen. A change of the locale control changes the
 * participant's language, as the settings dialog would.
 */
export async function enrollPlaygroundUser(services: Services, address: PlaygroundAddress): Promise<Stored<Participant>> {
  const { participants, config, clock } = services;
  const language = languageOf(address.locale) ?? config.defaultLanguage;
  const existing = await findPlaygroundParticipant(services, address.userId);
  const participant =
    existing ??
    (await participants.add({
      displayName: translatorFor(services.i18n, language)('playground:participant.displayName'),
      language,
      timeZone: config.programTimeZone,
      track: 'evening',
      checkinTime: '18:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
    }));
  if (participant.language !== language || !participant.consent.given) {
    await participants.update(participant.id, (p) => {
      p.language = language;
      if (!p.consent.given) p.consent = { given: true, at: clock().toISOString(), channel: `${CONSENT_PREFIX}${address.channelId}` };
    });
  }
  // A new playground participant gets daily prompts like anyone enrolled.
  if (!existing) await services.outreach.reschedule(participant.id);
  return participants.link(participant.id, {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversationId: address.conversationId,
    userId: address.userId,
    botId: address.botId,
    locale: address.locale,
  });
}

/** The participant a playground user is linked to on any channel preview. */
export async function findPlaygroundParticipant(services: Services, userId: string): Promise<Stored<Participant> | undefined> {
  for (const channelId of PREVIEW_CHANNELS) {
    const found = await services.participants.findByChannelUser(channelId, userId);
    if (found) return found;
  }
  return undefined;
}

/** Removes a participant the playground created; any other participant is left alone. Returns whether it removed one. */
export async function removePlaygroundParticipant(services: Services, participantId: string): Promise<boolean> {
  const participant = await services.participants.get(participantId);
  if (!participant?.consent.channel?.startsWith(CONSENT_PREFIX)) return false;
  await services.participants.remove(participantId);
  // The queue must not keep flags of a person who no longer exists (a stranger's flag would show instead).
  await services.flags.removeForParticipant(participantId);
  // With the record gone, this drops its pending outreach.
  await services.outreach.reschedule(participantId);
  return true;
}
