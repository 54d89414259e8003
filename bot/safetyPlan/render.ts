import type { TFunction } from 'i18next';
import { Activity, ActivityTypes, CardFactory, Channels, MessageFactory } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { AdaptiveCard, TextBlock } from '../channels/teamsRenderer';
import { isContactSection, isEmptyPlan, PlanSections, SECTIONS, SectionName } from './sections';
import { fitsTogether, packLines } from './smsPacking';

/** A part of the plan as the participant reads it: its heading and its lines. */
interface ShownSection {
  heading: string;
  items: string[];
}

/**
 * The plan as one channel shows it, in the participant's language (`t` fixed
 * to it). Parts with nothing in them are left out; the crisis lines and how to
 * add to the plan always close it. Without a plan: the kind "not yet" text.
 * - sms: one message per part, each within the 2-segment budget; a long part
 *   goes on in "(more)" messages, and a single line too long for one message
 *   is cut between words. The title rides on the first message when it fits.
 * - msteams: one Adaptive Card, the parts as bold headings over bullet lists.
 * - anything else (Web Chat, the playground): one text with the same layout.
 */
export function renderPlan(plan: PlanSections | undefined, channelId: string, t: TFunction): Partial<Activity>[] {
  if (!plan || isEmptyPlan(plan)) return [renderPrompt({ kind: 'message', textKey: 'safetyplan:none' }, channelId, t)];
  const sections = shownSections(plan, t);
  const title = t('safetyplan:title');
  const closing = t('safetyplan:closing');
  switch (channelId) {
    case Channels.Sms:
      return smsMessages(title, sections, closing, t).map((text) => MessageFactory.text(text));
    case Channels.Msteams:
      return [teamsCard(title, sections, closing)];
    default:
      return [MessageFactory.text([title, ...sections.map((s) => [`**${s.heading}**`, ...s.items.map(bullet)].join('\n')), closing].join('\n\n'))];
  }
}

function shownSections(plan: PlanSections, t: TFunction): ShownSection[] {
  return SECTIONS.filter((s) => plan[s].length > 0).map((s: SectionName) => ({
    heading: t(`safetyplan:section.${s}`),
    items: isContactSection(s) ? plan[s].map((c) => t('safetyplan:contact', { name: c.name, phone: c.phone })) : plan[s],
  }));
}

function bullet(item: string): string {
  return `- ${item}`;
}

function smsMessages(title: string, sections: ShownSection[], closing: string, t: TFunction): string[] {
  const messages = sections.flatMap((s) => packLines(`${s.heading}:`, `${t('safetyplan:continued', { section: s.heading })}:`, s.items.map(bullet)));
  if (messages.length > 0 && fitsTogether(title, messages[0])) messages[0] = `${title}\n${messages[0]}`;
  else messages.unshift(title);
  messages.push(closing);
  return messages;
}

function teamsCard(title: string, sections: ShownSection[], closing: string): Partial<Activity> {
  const block = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true });
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: title,
    body: [
      block(`**${title}**`),
      // Teams reads a markdown list with \r between its items.
      ...sections.flatMap((s) => [block(`**${s.heading}**`), block(s.items.map(bullet).join('\r'))]),
      block(closing),
    ],
  };
  return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] };
}
