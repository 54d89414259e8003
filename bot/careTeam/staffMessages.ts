import { Activity, Channels } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { countSegments, SMS_SEGMENT_BUDGET } from '../channels/smsSegments';
import { Clock } from '../clock';
import { ChannelAddress, Participant } from '../domain/participant';
import { Participants } from '../domain/participants';
import { AppError } from '../errors';
import type { i18n } from 'i18next';
import { translatorFor } from '../i18n';
import { Logger } from '../log';
import { deliveryAddress } from '../outreach/planner';
import { Delivery } from '../outreach/sender';
import { Stored } from '../store/port';
import { HandoffState } from './handoffState';
import { DeliveryResult, ThreadMessage } from './threadMessage';
import { threadKey, ThreadRepository } from './threadRepository';

/** Longest text a counsellor may write (Teams; on SMS the 2-segment budget of the signed text is the limit). */
export const MAX_MESSAGE_LENGTH = 1000;

/** Who writes: a staff account and the name their messages are signed with. */
export interface StaffAuthor {
  id: string;
  email: string;
  name: string;
}

export interface SentMessage {
  message: Stored<ThreadMessage>;
  /** True when this was a retry of a message already sent (nothing went out again). */
  repeated: boolean;
}

export interface MessageSize {
  channelId: string;
  /** SMS segments of the signed message; 0 on channels without segments. */
  segments: number;
  budget: number;
  fits: boolean;
}

export interface StaffMessagesDeps {
  clock: Clock;
  log: Logger;
  i18n: i18n;
  participants: Participants;
  thread: ThreadRepository;
  handoff: HandoffState;
  deliver(address: ChannelAddress, activity: Partial<Activity>): Promise<Delivery>;
}

/**
 * A counsellor's message to a participant: signed in the participant's
 * language, rendered for their channel by the bot's renderer, sent once
 * through outreach's sender (its rate limiter and retries), stored in the
 * thread with what the channel did with it. The first message opens the
 * hand-off and is followed by the one notice that a person is writing.
 */
export class StaffMessages {
  constructor(private readonly deps: StaffMessagesDeps) {}

  /** Where and how a text would go: what the dashboard's counter shows as the counsellor types. */
  async size(participantId: string, author: StaffAuthor, text: string): Promise<MessageSize> {
    const { address, activity } = this.prepare(await this.reachable(participantId), author, text);
    return measure(address.channelId, activity);
  }

  async send(participantId: string, author: StaffAuthor, text: string, requestKey: string): Promise<SentMessage> {
    const participant = await this.reachable(participantId);
    const { address, activity } = this.prepare(participant, author, text);
    if (!measure(address.channelId, activity).fits) throw new AppError('too_long', `on SMS a message may take at most ${SMS_SEGMENT_BUDGET} segments`);

    const at = this.deps.clock().toISOString();
    const key = threadKey(`${author.id}:${requestKey}`);
    const first = await this.deps.thread.claimSend(participantId, key, at);
    if (!first) {
      const earlier = await this.deps.thread.byKey(participantId, key);
      if (earlier) return { message: earlier, repeated: true };
    }
    const { doc: stored } = await this.deps.thread.add(
      {
        participantId,
        direction: 'toParticipant',
        at,
        text,
        channelId: address.channelId,
        staffId: author.id,
        staffName: author.name,
        // Until the channel answers.
        delivery: null,
        activityId: null,
      },
      key,
    );
    // A retry whose first attempt is still on its way (or never got this far): stored once, sent by nobody twice.
    if (!first) return { message: stored, repeated: true };

    // Open before sending: a reply that comes straight back already finds the hand-off.
    const { opened } = await this.deps.handoff.touch(address, participantId, author.email, at);
    const delivery = await this.deps.deliver(address, activity);
    const result = deliveryResultOf(delivery);
    if (delivery.status === 'unreachable') await this.markUnreachable(participantId, address.channelId);
    if (opened && result === 'sent') await this.notice(participant, address, 'careteam:handoff.started');
    this.deps.log.info({ participantId, channelId: address.channelId, delivery: delivery.status, opened }, 'care-team message sent');
    return { message: (await this.deps.thread.setDelivery(participantId, stored.id, result)) ?? stored, repeated: false };
  }

  /** Ends the hand-off and tells the participant the bot answers again; false when none was open. */
  async endHandoff(participantId: string): Promise<boolean> {
    const participant = await this.deps.participants.get(participantId);
    if (!participant) throw new AppError('not_found', 'no such participant');
    const address = deliveryAddress(participant);
    if (!address || !(await this.deps.handoff.end(address))) return false;
    if (!participant.optedOutAt) await this.notice(participant, address, 'careteam:handoff.ended');
    return true;
  }

  /** 404 for nobody, 409 opted_out / unreachable for someone no message may reach. */
  private async reachable(participantId: string): Promise<Participant> {
    const participant = await this.deps.participants.get(participantId);
    if (!participant) throw new AppError('not_found', 'no such participant');
    if (participant.optedOutAt) throw new AppError('opted_out', 'the participant replied STOP: no message can be sent until they reply START');
    if (participant.status === 'discharged' || !participant.consent.given || !deliveryAddress(participant)) {
      throw new AppError('unreachable', 'the participant has no channel a message can reach');
    }
    return participant;
  }

  private prepare(participant: Participant, author: StaffAuthor, text: string): { address: ChannelAddress; activity: Partial<Activity> } {
    if (text.length > MAX_MESSAGE_LENGTH) throw new AppError('too_long', `a message may hold at most ${MAX_MESSAGE_LENGTH} characters`);
    const address = deliveryAddress(participant)!;
    // An em dash is not GSM-7: on SMS it would turn the whole text into UCS-2 and halve its room, so SMS signs with a hyphen.
    const textKey = address.channelId === Channels.Sms ? 'careteam:message.signedSms' : 'careteam:message.signed';
    const t = translatorFor(this.deps.i18n, participant.language);
    return { address, activity: renderPrompt({ kind: 'message', textKey, vars: { text, name: author.name } }, address.channelId, t) };
  }

  private async notice(participant: Participant, address: ChannelAddress, textKey: string): Promise<void> {
    const t = translatorFor(this.deps.i18n, participant.language);
    await this.deps.deliver(address, renderPrompt({ kind: 'message', textKey }, address.channelId, t));
  }

  private async markUnreachable(participantId: string, channelId: string): Promise<void> {
    await this.deps.participants.update(participantId, (p) => {
      if (p.addresses[channelId]) p.addresses[channelId].reachable = false;
    });
  }
}

function measure(channelId: string, activity: Partial<Activity>): MessageSize {
  const segments = channelId === Channels.Sms ? countSegments(activity.text ?? '').segments : 0;
  return { channelId, segments, budget: SMS_SEGMENT_BUDGET, fits: segments <= SMS_SEGMENT_BUDGET };
}

function deliveryResultOf(delivery: Delivery): DeliveryResult {
  return delivery.status === 'sent' ? 'sent' : 'failed';
}
