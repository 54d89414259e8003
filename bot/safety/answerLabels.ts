import { i18n } from 'i18next';
import { LANGUAGES } from '../i18n';
import { BOUNDARY, foldForMatching } from './normalize';

/**
 * The answer options of the bot's own questionnaires, as a person types them
 * back in words ("Casi todos los días", "more than half the days"). Read from
 * the locale files, so an edited or added option is covered too.
 */
const OPTION_GROUPS = ['screen:option', 'bam:amount', 'bam:health'] as const;
/** Single options of the check-in whose words are long enough to be scored ("Prefiero no decir"). */
const OPTION_KEYS = ['checkin:use.preferNot', 'checkin:medication.notPrescribed'] as const;

function fold(text: string): string {
  return foldForMatching(text).split(' ').filter((w) => w !== '' && w !== BOUNDARY).join(' ');
}

/**
 * Is this reply one of the options the bot offers? Such a reply answers the
 * bot's question: the classifier's score on it says nothing about the person
 * ("nearly every day" scores like hopeless talk), so the gate does not ask the
 * safety question on a score alone. A cue of the grammar still asks.
 */
export class AnswerLabels {
  private readonly labels: ReadonlySet<string>;

  constructor(i18next: i18n) {
    const labels = new Set<string>();
    for (const language of LANGUAGES) {
      const t = i18next.getFixedT(language);
      for (const group of OPTION_GROUPS) {
        const options = t(group, { returnObjects: true }) as unknown;
        if (options && typeof options === 'object') {
          for (const label of Object.values(options as Record<string, unknown>)) if (typeof label === 'string') labels.add(fold(label));
        }
      }
      for (const key of OPTION_KEYS) labels.add(fold(t(key)));
    }
    this.labels = labels;
  }

  isAnswerOption(text: string): boolean {
    return this.labels.has(fold(text));
  }
}
