import { ChannelAddress } from '../domain/participant';
import { isWriteConflict } from '../store/port';
import { UPDATE_ATTEMPTS } from '../store/etagUpdate';
import { ConversationData, conversationStateKey } from '../turn/conversationState';
import { ConversationStateSlot } from '../turn/turnRunner';
import { Handoff, HANDOFF_KEY } from './handoff';

/**
 * The hand-off as the staff side sees and changes it: in the conversation
 * state of the participant's address, written with its eTag. A turn of that
 * conversation running at the same moment loses its write and runs again on
 * the new state (bot/turn/turnRunner.ts), so neither side's change is lost.
 */
export class HandoffState {
  constructor(private readonly slot: ConversationStateSlot) {}

  async read(address: ChannelAddress): Promise<Handoff | undefined> {
    const loaded = await this.slot.readOne(keyOf(address));
    return loaded?.state[HANDOFF_KEY] as Handoff | undefined;
  }

  /** Opens the hand-off, or notes a new staff message in the open one; `opened` tells which. */
  async touch(address: ChannelAddress, participantId: string, by: string, at: string): Promise<{ opened: boolean }> {
    let opened = false;
    await this.change(address, (current) => {
      opened = !current;
      return current ? { ...current, lastMessageAt: at } : { participantId, openedAt: at, openedBy: by, lastMessageAt: at };
    });
    return { opened };
  }

  /** Ends the hand-off; false when none was open. */
  async end(address: ChannelAddress): Promise<boolean> {
    let ended = false;
    await this.change(address, (current) => {
      ended = current !== undefined;
      return undefined;
    });
    return ended;
  }

  private async change(address: ChannelAddress, next: (current: Handoff | undefined) => Handoff | undefined): Promise<void> {
    const key = keyOf(address);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.slot.readOne(key);
      const state: ConversationData = { ...(loaded?.state ?? {}) };
      const value = next(state[HANDOFF_KEY] as Handoff | undefined);
      if (value === undefined && state[HANDOFF_KEY] === undefined) return;
      if (value === undefined) delete state[HANDOFF_KEY];
      else state[HANDOFF_KEY] = value;
      try {
        await this.slot.writeOne(key, state, loaded?.eTag ?? null);
        return;
      } catch (err) {
        if (!isWriteConflict(err) || attempt >= UPDATE_ATTEMPTS) throw err;
      }
    }
  }
}

function keyOf(address: ChannelAddress): string {
  return conversationStateKey(address.channelId, address.conversationId);
}
