import { DocBase } from '../store/port';

/** The threadMessages collection: every message between the care team and a participant, both ways. */
export const THREAD_MESSAGES = 'threadMessages';

export type ThreadDirection = 'toParticipant' | 'fromParticipant';

/** What happened to a message to the participant: sent by the channel, refused, or not tried (opted out / unreachable). */
export type DeliveryResult = 'sent' | 'failed' | 'not_sent';

/**
 * One message of a participant's thread with their care team. pk =
 * participantId (the thread is one partition); id = the message's place in
 * the thread, zero-padded so ids sort like the thread (threadRepository.ts
 * hands places out in order of arrival, also within one millisecond). The
 * text is health data: never logged.
 */
export interface ThreadMessage extends DocBase {
  participantId: string;
  direction: ThreadDirection;
  at: string;
  text: string;
  channelId: string;
  /** Staff account id of the author of a message to the participant; null for the participant's own. */
  staffId: string | null;
  /** Display name the message was signed with (staff messages only). */
  staffName: string | null;
  delivery: DeliveryResult | null;
  /** The activity a participant's message came in. */
  activityId: string | null;
  /** Hash of what makes the message the same one (its activity, or the staff request): a re-run turn or a retried send stores it once. */
  key: string;
}
