import { TurnContext } from 'botbuilder';
import { PromptVars } from '../bot/channels/prompt';
import { renderPrompt } from '../bot/channels/render';
import { turnFacts } from '../bot/turn/turnFacts';

/** Sends one message (no answer expected) in the turn's language, rendered for the turn's channel. */
export async function say(context: TurnContext, textKey: string, vars?: PromptVars): Promise<void> {
  const { t } = turnFacts(context);
  await context.sendActivity(renderPrompt({ kind: 'message', textKey, vars }, context.activity.channelId, t));
}
