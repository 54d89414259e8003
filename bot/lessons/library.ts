import type { i18n } from 'i18next';

/** The education track's topics (CONTENT.md "Education"); a lesson names one in `lessons:library.<id>.topic`. */
export const LESSON_TOPICS = ['relapsePrevention', 'stressManagement', 'healthyCommunication', 'emotionalRegulation'] as const;
export type LessonTopic = (typeof LESSON_TOPICS)[number];

/** A lesson of the library: where its words are, never the words (they are in locales/<lang>/lessons.json). */
export interface Lesson {
  id: string;
  topic: LessonTopic;
  titleKey: string;
  /** The lesson's short messages, in order (at most MAX_LESSON_MESSAGES). */
  messageKeys: string[];
  reflectionKey: string;
}

/** CONTENT.md: a lesson is a few SMS messages, one idea, then one reflection question. */
export const MAX_LESSON_MESSAGES = 3;

interface LibraryEntry {
  topic?: unknown;
  messages?: Record<string, unknown>;
}

/**
 * The clinic-editable lesson library: the ids under `library` in the default
 * language's lessons.json (the locale check keeps both languages' keys equal).
 * Read once; a clinic's edit takes effect on restart, like every locale text.
 */
export class LessonLibrary {
  private readonly lessons: ReadonlyMap<string, Lesson>;

  constructor(i18n: i18n) {
    const bundle = (i18n.getResourceBundle('en', 'lessons') ?? {}) as { library?: Record<string, LibraryEntry> };
    const lessons = new Map<string, Lesson>();
    for (const [id, entry] of Object.entries(bundle.library ?? {})) {
      const topic = LESSON_TOPICS.find((t) => t === entry.topic);
      if (!topic) throw new Error(`lessons:library.${id}.topic must be one of ${LESSON_TOPICS.join(', ')}`);
      const messageKeys = Object.keys(entry.messages ?? {})
        .sort()
        .map((n) => `lessons:library.${id}.messages.${n}`);
      if (messageKeys.length === 0 || messageKeys.length > MAX_LESSON_MESSAGES) {
        throw new Error(`lessons:library.${id} must have 1 to ${MAX_LESSON_MESSAGES} messages`);
      }
      lessons.set(id, { id, topic, titleKey: `lessons:library.${id}.title`, messageKeys, reflectionKey: `lessons:library.${id}.reflection` });
    }
    this.lessons = lessons;
  }

  list(): Lesson[] {
    return [...this.lessons.values()];
  }

  get(id: string): Lesson | undefined {
    return this.lessons.get(id);
  }
}
