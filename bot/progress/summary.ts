import { addDays, localDateOf } from '../domain/localTime';
import { CheckIns } from '../domain/checkins';
import { Band, MEASURES, MeasureRecord } from '../measures/measureRecord';
import { DocumentStore } from '../store/port';

/** Mood and craving against the week before, in words: a change of a whole point on the average, or "the same". */
export type MoodTrend = 'better' | 'same' | 'lower';
export type CravingTrend = 'lower' | 'same' | 'higher';

/** One day of the chart: the answers of that day's check-in (null: none, or skipped). */
export interface ProgressDay {
  localDate: string;
  mood: number | null;
  craving: number | null;
}

/**
 * What "how am I doing" tells a participant. "This week" is the last 7 days
 * including today, "last week" the 7 before: a calendar week would compare a
 * Monday's one check-in with a whole week.
 */
export interface ProgressSummary {
  today: string;
  checkinsThisWeek: number;
  /** Null when either week has no answer to compare. */
  mood: MoodTrend | null;
  craving: CravingTrend | null;
  /** The latest completed PHQ-9 or GAD-7 with a band; null when none (or the clinic shows none). */
  survey: { instrument: 'phq9' | 'gad7'; band: Band } | null;
  /** The last 14 days, oldest first. */
  days: ProgressDay[];
}

export const CHART_DAYS = 14;
const WEEK = 7;
/** A change smaller than this on a 0-10 average reads as "about the same". */
const CHANGE = 1;

/** Builds the summary from the participant's check-ins (one partition, 14 days) and their latest measure. */
export class ProgressSummaries {
  constructor(
    private readonly store: DocumentStore,
    private readonly checkins: CheckIns,
  ) {}

  async of(participant: { id: string; timeZone: string }, now: Date, options: { showSurveyBand: boolean }): Promise<ProgressSummary> {
    const today = localDateOf(now, participant.timeZone);
    const records = await this.checkins.history(participant.id, participant.timeZone, CHART_DAYS);
    const byDate = new Map(records.filter((c) => c.status === 'complete').map((c) => [c.localDate, c.answers]));
    const days: ProgressDay[] = Array.from({ length: CHART_DAYS }, (_, i) => {
      const localDate = addDays(today, i - (CHART_DAYS - 1));
      const answers = byDate.get(localDate);
      return { localDate, mood: answers?.mood ?? null, craving: answers?.craving ?? null };
    });
    const lastWeek = days.slice(0, WEEK);
    const thisWeek = days.slice(WEEK);
    const moodChange = change(thisWeek.map((d) => d.mood), lastWeek.map((d) => d.mood));
    const cravingChange = change(thisWeek.map((d) => d.craving), lastWeek.map((d) => d.craving));
    return {
      today,
      checkinsThisWeek: thisWeek.filter((d) => byDate.has(d.localDate)).length,
      mood: moodChange === null ? null : moodChange >= CHANGE ? 'better' : moodChange <= -CHANGE ? 'lower' : 'same',
      craving: cravingChange === null ? null : cravingChange >= CHANGE ? 'higher' : cravingChange <= -CHANGE ? 'lower' : 'same',
      survey: options.showSurveyBand ? await this.latestSurvey(participant.id) : null,
      days,
    };
  }

  private async latestSurvey(participantId: string): Promise<ProgressSummary['survey']> {
    const { items } = await this.store.query<MeasureRecord>(MEASURES, {
      pk: participantId,
      where: [
        { field: 'participantId', op: '=', value: participantId },
        { field: 'instrument', op: 'in', value: ['phq9', 'gad7'] },
      ],
      orderBy: [{ field: 'localDate', dir: 'desc' }],
      limit: 10,
    });
    // Newest first by day; of one day's two, the one finished last.
    const done = items
      .filter((m) => m.completedAt !== null && m.band !== null)
      .sort((a, b) => b.localDate.localeCompare(a.localDate) || (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
    const latest = done[0];
    if (!latest?.band || (latest.instrument !== 'phq9' && latest.instrument !== 'gad7')) return null;
    return { instrument: latest.instrument, band: latest.band };
  }
}

/** This week's average minus last week's; null when either has no answer. */
function change(thisWeek: Array<number | null>, lastWeek: Array<number | null>): number | null {
  const a = average(thisWeek);
  const b = average(lastWeek);
  return a === null || b === null ? null : a - b;
}

function average(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((s, v) => s + v, 0) / known.length : null;
}
