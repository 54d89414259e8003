import type { Activity } from 'botbuilder';
import type { i18n } from 'i18next';
import { Clock } from '../clock';
import { Config } from '../config';
import { ChannelAddress } from '../domain/participant';
import { Participants } from '../domain/participants';
import { FlagRules } from '../flags/rules';
import { FlagService } from '../flags/service';
import { Logger } from '../log';
import { deliveryAddress } from '../outreach/planner';
import { Delivery } from '../outreach/sender';
import { AuditLog } from '../staff/audit';
import { DocumentStore, Stored } from '../store/port';
import { ConversationStateSlot } from '../turn/turnRunner';
import { ContactRequests } from './contactFlag';
import { Handoff } from './handoff';
import { HandoffState } from './handoffState';
import { StaffMessages } from './staffMessages';
import { ThreadMessage } from './threadMessage';
import { threadKey, ThreadRepository } from './threadRepository';

/** A participant's message that reached the thread during a hand-off: what the counsellor is told of. */
export interface ParticipantMessageEvent {
  participantId: string;
  handoff: Handoff;
  message: Stored<ThreadMessage>;
}

export interface InboundMessage {
  participantId: string;
  text: string;
  channelId: string;
  /** channel : conversation : activity id — a re-run turn stores nothing twice. */
  activityKey: string;
  activityId: string | null;
  at: string;
}

/**
 * The care team's side of the conversation with a participant: the thread
 * (every message both ways), staff messages out, the hand-off, contact
 * requests. Free of botbuilder's turn types: the turn side is
 * handoffRouting.ts, the dashboard side bot/staff/http/threadRoutes.ts.
 */
export interface CareTeam {
  readonly thread: ThreadRepository;
  readonly messages: StaffMessages;
  readonly contact: ContactRequests;
  readonly quietHours: number;
  /** The hand-off open with the participant (in the conversation state of the channel they are reached on). */
  handoffOf(participantId: string): Promise<Handoff | undefined>;
  /** Stores and audits a participant's message of an open hand-off, then tells the listeners (once per message). */
  receive(message: InboundMessage, handoff: Handoff): Promise<Stored<ThreadMessage>>;
  onParticipantMessage(listener: (event: ParticipantMessageEvent) => Promise<void>): () => void;
}

export interface CareTeamDeps {
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  store: DocumentStore;
  participants: Participants;
  flags: FlagService;
  flagRules: FlagRules;
  deliver(address: ChannelAddress, activity: Partial<Activity>): Promise<Delivery>;
}

export function createCareTeam(deps: CareTeamDeps, stateSlot: ConversationStateSlot): CareTeam {
  const thread = new ThreadRepository(deps.store);
  const handoff = new HandoffState(stateSlot);
  const audit = new AuditLog(deps.store, deps.clock);
  const listeners = new Set<(event: ParticipantMessageEvent) => Promise<void>>();
  return {
    thread,
    messages: new StaffMessages({ ...deps, thread, handoff }),
    contact: new ContactRequests(deps.flags, deps.flagRules, deps.config.programHours, deps.clock),
    quietHours: deps.config.careHandoffQuietHours,

    async handoffOf(participantId) {
      const participant = await deps.participants.get(participantId);
      const address = participant && deliveryAddress(participant);
      return address ? handoff.read(address) : undefined;
    },

    async receive(input, open) {
      const { doc, created } = await thread.add(
        {
          participantId: input.participantId,
          direction: 'fromParticipant',
          at: input.at,
          text: input.text,
          channelId: input.channelId,
          staffId: null,
          staffName: null,
          delivery: null,
          activityId: input.activityId,
        },
        threadKey(input.activityKey),
      );
      if (!created) return doc;
      await audit.record({
        actor: null,
        actorRole: null,
        action: 'thread.receive',
        recordType: 'thread',
        recordId: doc.id,
        participantId: input.participantId,
        channel: 'system',
        detail: { channel: input.channelId },
      });
      for (const listener of listeners) {
        // A notice that cannot go out (Teams down) must not cost the participant's message its place in the thread.
        await listener({ participantId: input.participantId, handoff: open, message: doc }).catch((err: unknown) => deps.log.warn({ err }, 'care-team reply notice failed'));
      }
      return doc;
    },

    onParticipantMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
