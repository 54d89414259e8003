import type { TFunction } from 'i18next';
import { Activity, Channels } from 'botbuilder';
import { PromptSpec } from './prompt';
import { RenderOptions } from './renderOptions';
import { renderSms } from './smsRenderer';
import { renderWithSuggestedActions } from './suggestedActionsRenderer';
import { renderTeams } from './teamsRenderer';

export type { RenderOptions };

/**
 * Turns a channel-neutral prompt into the activity one channel shows.
 * `t` is fixed to the participant's language (translatorFor(i18n, lang)).
 * Used for replies within a turn and for proactive outreach alike.
 */
export function renderPrompt(spec: PromptSpec, channelId: string, t: TFunction, options: RenderOptions = {}): Partial<Activity> {
  switch (channelId) {
    case Channels.Sms:
      return renderSms(spec, t, options);
    case Channels.Msteams:
      return renderTeams(spec, t, options);
    default:
      return renderWithSuggestedActions(spec, t, options);
  }
}
