import { ActivityTypes, TurnContext } from 'botbuilder';
import type { Bot } from '../bot/features';
import { TurnState } from '../bot/turn/conversationState';

/**
 * The floor Puente is measured against: the same server, adapter, turn runner
 * and store, with a bot that only counts the turn in state and echoes.
 */
export class EchoBot implements Bot {
  async handle(context: TurnContext, state: TurnState): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const turns = (state.get<number>('turns') ?? 0) + 1;
    state.set('turns', turns);
    state.set('seen', [...(state.get<string[]>('seen') ?? []), context.activity.id ?? '']);
    await context.sendActivity(`echo ${turns}`);
  }
}
