import { StatePropertyAccessor, TurnContext } from 'botbuilder';

/**
 * All bot state of one conversation, loaded with one store read and saved with
 * one write per turn. It replaces the stock ConversationState + UserState pair
 * (two reads, two writes, eTag "*"). What belongs to the person rather than the
 * conversation (language, time zone, …) lives in the participant record; a
 * snapshot of it is kept here so an ordinary turn needs no second read.
 */
export interface ConversationData {
  [property: string]: unknown;
}

/** Conversation-state property of the dialog stack (botbuilder-dialogs' DialogState). */
export const DIALOG_STATE_KEY = 'dialogState';

/** The loaded state of the current turn: properties dialogs read and write. */
export class TurnState {
  private readonly original: string;

  constructor(readonly data: ConversationData) {
    this.original = JSON.stringify(data);
  }

  get<T>(name: string): T | undefined {
    return this.data[name] as T | undefined;
  }

  set(name: string, value: unknown): void {
    if (value === undefined) delete this.data[name];
    else this.data[name] = value;
  }

  /** A botbuilder accessor over one property (what DialogSet wants). */
  accessor<T>(name: string): StatePropertyAccessor<T> {
    return {
      get: async (_context: TurnContext, defaultValue?: T) => {
        if (this.data[name] === undefined && defaultValue !== undefined) {
          this.data[name] = structuredClone(defaultValue);
        }
        return this.data[name] as T;
      },
      set: async (_context: TurnContext, value: T) => this.set(name, value),
      delete: async () => this.set(name, undefined),
    };
  }

  /** Cleared by "start over"/enrollment changes: drop everything. */
  clear(): void {
    for (const key of Object.keys(this.data)) delete this.data[key];
  }

  get changed(): boolean {
    return JSON.stringify(this.data) !== this.original;
  }
}

/** Stable key of a conversation's state: one conversation on one channel. */
export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}`;
}
