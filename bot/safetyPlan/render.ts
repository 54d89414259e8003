import type { TFunction } from 'i18next';
import { Activity, ActivityTypes, CardFactory, Channels, MessageFactory } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { countSegments, SMS_SEGMENT_BUDGET } from '../channels/smsSegments';
import { AdaptiveCard, TextBlock } from '../channels/teamsRenderer';
import { isContactSection, isEmptyPlan, PlanSections, SECTIONS, SectionName } from './sections';

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

function fits(text: string): boolean {
  return countSegments(text).segments <= SMS_SEGMENT_BUDGET;
}

function smsMessages(title: string, sections: ShownSection[], closing: string, t: TFunction): string[] {
  const messages = sections.flatMap((s) => packSection(s, t));
  if (messages.length > 0 && fits(`${title}\n${messages[0]}`)) messages[0] = `${title}\n${messages[0]}`;
  else messages.unshift(title);
  messages.push(closing);
  return messages;
}

/** A part as SMS texts: the heading, then as many lines as fit; what does not fit goes on under "(more)". */
function packSection(section: ShownSection, t: TFunction): string[] {
  const more = t('safetyplan:continued', { section: section.heading });
  const messages: string[] = [];
  let current = `${section.heading}:`;
  let hasItems = false;
  for (const item of section.items) {
    const line = bullet(item);
    if (fits(`${current}\n${line}`)) {
      current = `${current}\n${line}`;
      hasItems = true;
      continue;
    }
    if (hasItems) {
      messages.push(current);
      current = `${more}:`;
      if (fits(`${current}\n${line}`)) {
        current = `${current}\n${line}`;
        continue;
      }
    }
    // One line longer than a whole message: cut it between words.
    for (const piece of cutToFit(line, current)) {
      if (fits(`${current}\n${piece}`)) current = `${current}\n${piece}`;
      else {
        messages.push(current);
        current = `${more}:\n${piece}`;
      }
    }
    hasItems = true;
  }
  messages.push(current);
  return messages;
}

/** `line` in word-bounded pieces that each fit one message under `heading`. */
function cutToFit(line: string, heading: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  // A "word" longer than a third of a UCS-2 message (a long link, a run of emoji) is cut too.
  const words = line.split(/\s+/).flatMap((w) => chunk(Array.from(w), 40).map((c) => c.join('')));
  for (const word of words) {
    const next = piece ? `${piece} ${word}` : word;
    if (fits(`${heading}\n${next}`) || !piece) piece = next;
    else {
      pieces.push(piece);
      piece = word;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
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
