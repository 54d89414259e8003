import { updateDocument } from '../store/etagUpdate';
import { ConflictError, DocumentStore, Stored } from '../store/port';
import { LESSON_DELIVERIES, LessonDelivery, lessonDeliveryId } from './lessonRecord';

/** The longest reflection kept: a few SMS worth; longer answers are cut, never refused. */
export const MAX_REFLECTION_LENGTH = 1000;

/** Lessons sent to participants and their reflection answers (health data: never logged). Instants come from the caller's clock. */
export class LessonDeliveries {
  constructor(private readonly store: DocumentStore) {}

  async get(participantId: string, weekStart: string, lessonId: string): Promise<Stored<LessonDelivery> | undefined> {
    return this.store.get<LessonDelivery>(LESSON_DELIVERIES, participantId, lessonDeliveryId(weekStart, lessonId));
  }

  /** The week's delivery, created on the first send (outreach or "lesson"); a later send finds it and rewrites nothing. */
  async recordSent(participantId: string, weekStart: string, lessonId: string, at: Date): Promise<Stored<LessonDelivery>> {
    try {
      return await this.store.create<LessonDelivery>(LESSON_DELIVERIES, {
        id: lessonDeliveryId(weekStart, lessonId),
        pk: participantId,
        participantId,
        lessonId,
        weekStart,
        sentAt: at.toISOString(),
        reflectionAt: null,
        reflection: null,
      });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const existing = await this.get(participantId, weekStart, lessonId);
      if (!existing) throw err;
      return existing;
    }
  }

  /** Stores (or replaces) the reflection answer of a delivered lesson. */
  async saveReflection(participantId: string, weekStart: string, lessonId: string, text: string, answeredAt: Date): Promise<void> {
    const reflection = text.trim().slice(0, MAX_REFLECTION_LENGTH);
    const at = answeredAt.toISOString();
    await updateDocument<LessonDelivery>(
      this.store,
      LESSON_DELIVERIES,
      participantId,
      lessonDeliveryId(weekStart, lessonId),
      (current) => ({ ...current, reflection, reflectionAt: at }),
      {
        create: () => ({
          id: lessonDeliveryId(weekStart, lessonId),
          pk: participantId,
          participantId,
          lessonId,
          weekStart,
          sentAt: at,
          reflectionAt: at,
          reflection,
        }),
      },
    );
  }
}
