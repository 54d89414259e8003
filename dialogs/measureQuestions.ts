import { ChoicePromptSpec, NumberPromptSpec, QuestionSpec } from '../bot/channels/prompt';
import { AnswerResult } from './prompts/answerPrompt';
import { BAM_ANSWER_KIND, BamItem } from '../bot/measures/instruments';
import { Instrument } from '../bot/measures/measureRecord';

/**
 * What one item of a measure says and asks. As in the weekly screen, the
 * item's words go out as their own message(s) and the question ("How often?"
 * with its options) as the next one: an item and its options in one text
 * would not fit 2 SMS segments in Spanish. Long items are two messages
 * (PHQ-9 item 8 and its "or the opposite", BAM item 5 and what a drink is).
 */

const OFTEN = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'] as const;
const AMOUNT = ['notAtAll', 'slightly', 'moderately', 'considerably', 'extremely'] as const;
const HEALTH = ['excellent', 'veryGood', 'good', 'fair', 'poor'] as const;

/** Messages said before the item's question, in order. */
export function itemTexts(instrument: Instrument, item: string): string[] {
  if (instrument !== 'bam') {
    const key = `screen:${instrument}.${item}`;
    return instrument === 'phq9' && item === 'item8' ? [key, 'screen:phq9.item8Opposite'] : [key];
  }
  const texts = [`bam:item.${item}`];
  if (item === 'item7a') texts.unshift('bam:item.item7');
  if (item === 'item5' || item === 'item11') texts.push(`bam:item.${item}Note`);
  return texts;
}

/** The question for one item; the id differs per item, so a tap on an older card is not this item's answer. */
export function itemQuestion(instrument: Instrument, item: string): QuestionSpec {
  const id = `measure.${instrument}.${item}`;
  if (instrument !== 'bam') {
    return { kind: 'choice', id, textKey: 'screen:howOften', choices: OFTEN.map((o, i) => ({ value: String(i), labelKey: `screen:option.${o}` })) };
  }
  switch (BAM_ANSWER_KIND[item as BamItem]) {
    case 'days':
      return { kind: 'number', id, textKey: item === 'item2' ? 'bam:howManyNights' : 'bam:howManyDays', min: 0, max: 30, step: 1, example: '3' } satisfies NumberPromptSpec;
    case 'amount':
      return { kind: 'choice', id, textKey: 'bam:howMuch', choices: AMOUNT.map((o, i) => ({ value: String(i), labelKey: `bam:amount.${o}` })) };
    case 'health':
      return { kind: 'choice', id, textKey: 'bam:howHealthy', choices: HEALTH.map((o, i) => ({ value: String(i), labelKey: `bam:health.${o}` })) };
    case 'yesNo':
      // Valued yes/no so yes/no words answer it; the BAM scores no 0, yes 4.
      return { kind: 'choice', id, textKey: 'bam:yesOrNo', choices: [{ value: 'yes', labelKey: 'bam:yes' }, { value: 'no', labelKey: 'bam:no' }] } satisfies ChoicePromptSpec;
  }
}

/** The item's score from the prompt's answer; null after two unreadable replies. */
export function itemScore(answer: AnswerResult): number | null {
  if (answer.status !== 'answered') return null;
  if (answer.value === 'yes') return 4;
  if (answer.value === 'no') return 0;
  return Number(answer.value);
}
