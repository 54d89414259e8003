import { Language } from '../i18n';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { TipCategory } from './catalog';
import { queryAll } from '../store/queryAll';

export const TIP_FEEDBACK = 'tipFeedback';

export const TIP_RATINGS = ['yes', 'little', 'no'] as const;
/** "Did it help?": yes / a little / no. */
export type TipRating = (typeof TIP_RATINGS)[number];

export function isTipRating(value: unknown): value is TipRating {
  return typeof value === 'string' && (TIP_RATINGS as readonly string[]).includes(value);
}

/**
 * One answer to "did it help?" for one showing of one tip. pk = participantId
 * (a participant's answers are read together); id = `${tipId}:${shownAt}`, so
 * a re-run turn writes the same document again instead of a second one.
 */
export interface TipFeedback extends DocBase {
  participantId: string;
  tipId: string;
  category: TipCategory;
  rating: TipRating;
  language: Language;
  channel: string;
  /** ISO instant the tip was shown. */
  shownAt: string;
  answeredAt: string;
}

export type NewTipFeedback = Omit<TipFeedback, 'id' | 'pk'>;

export function tipFeedbackId(tipId: string, shownAt: string): string {
  return `${tipId}:${shownAt}`;
}

/** Stored answers to "did it help?" (collection 'tipFeedback'). */
export class TipFeedbackLog {
  constructor(private readonly store: DocumentStore) {}

  async record(feedback: NewTipFeedback): Promise<Stored<TipFeedback>> {
    return this.store.upsert<TipFeedback>(TIP_FEEDBACK, {
      ...feedback,
      id: tipFeedbackId(feedback.tipId, feedback.shownAt),
      pk: feedback.participantId,
    });
  }

  /** A participant's answers, oldest first. participantId repeats the pk: the Cosmos emulator does not scope by partition. */
  async forParticipant(participantId: string): Promise<Stored<TipFeedback>[]> {
    return queryAll<TipFeedback>(this.store, TIP_FEEDBACK, {
      pk: participantId,
      where: [{ field: 'participantId', op: '=', value: participantId }],
      orderBy: [{ field: 'answeredAt' }],
      limit: 200,
    });
  }
}
