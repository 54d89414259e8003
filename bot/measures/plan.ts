import { DateTime } from 'luxon';
import { localDateOf, localWeekdayOf } from '../domain/checkins';
import { Participant } from '../domain/participant';
import { Measures } from './measures';
import { Instrument } from './measureRecord';

/**
 * Which questionnaire a check-in ends with today. On the participant's screen
 * day: the Brief Addiction Monitor when it is due (substance-use tracks, every
 * bamEveryWeeks weeks, in place of that week's screen), else the full PHQ-9
 * and GAD-7 when the participant is on full measures and they are due, else
 * the weekly PHQ-2 + GAD-2 (stepped into PHQ-9 / GAD-7 when positive). A
 * participant on full measures gets a baseline at their first check-in
 * whatever the day. "Every N weeks" counts calendar weeks (Monday to Sunday)
 * from the last administration, so a changed screen day does not skip one.
 */
export type ScreenPlan = 'none' | 'weekly' | 'full' | 'bam';

export interface MeasureDefaults {
  /** Weeks between full PHQ-9/GAD-7 for a participant on full measures without their own number. */
  fullEveryWeeks: number;
  /** Weeks between BAMs for a substance-use participant without their own number. */
  bamEveryWeeks: number;
}

export interface MeasureSettings {
  substanceUse: boolean;
  /** Null: the stepped weekly screen. */
  fullEveryWeeks: number | null;
  bamEveryWeeks: number;
}

export type MeasurePlanFields = Pick<Participant, 'substanceUse' | 'fullMeasures' | 'fullMeasuresEveryWeeks' | 'bamEveryWeeks'>;

export function measureSettingsOf(participant: MeasurePlanFields, defaults: MeasureDefaults): MeasureSettings {
  return {
    substanceUse: participant.substanceUse === true,
    fullEveryWeeks: participant.fullMeasures ? (participant.fullMeasuresEveryWeeks ?? defaults.fullEveryWeeks) : null,
    bamEveryWeeks: participant.bamEveryWeeks ?? defaults.bamEveryWeeks,
  };
}

/** Calendar weeks from the week of `fromDate` to the week of `toDate` (YYYY-MM-DD). */
export function weeksBetween(fromDate: string, toDate: string): number {
  const from = DateTime.fromISO(fromDate).startOf('week');
  const to = DateTime.fromISO(toDate).startOf('week');
  return Math.round(to.diff(from, 'weeks').weeks);
}

export async function planScreen(
  measures: Measures,
  participant: Pick<Participant, 'id' | 'timeZone' | 'screenWeekday'> & MeasurePlanFields,
  defaults: MeasureDefaults,
  now: Date,
): Promise<ScreenPlan> {
  const settings = measureSettingsOf(participant, defaults);
  const today = localDateOf(now, participant.timeZone);
  const screenDay = localWeekdayOf(now, participant.timeZone) === participant.screenWeekday;
  const dueSince = async (instrument: Instrument, everyWeeks: number, source?: 'scheduled'): Promise<'never' | boolean> => {
    const last = await measures.latest(participant.id, instrument, source);
    return last ? weeksBetween(last.localDate, today) >= everyWeeks : 'never';
  };

  if (settings.substanceUse && screenDay && (await dueSince('bam', settings.bamEveryWeeks)) !== false) return 'bam';
  if (settings.fullEveryWeeks !== null) {
    const due = await dueSince('phq9', settings.fullEveryWeeks, 'scheduled');
    if (due === 'never' || (screenDay && due)) return 'full';
  }
  return screenDay ? 'weekly' : 'none';
}
