import { CheckIn } from '../bot/domain/checkins';
import { Instrument, MeasureRecord, MeasureSource } from '../bot/measures/measureRecord';
import { ScreenPlan } from '../bot/measures/plan';
import { DialogServices } from '../bot/services';

/**
 * The administrations a finished check-in leads into, begun (stored) now:
 * the rest of the PHQ-9 and/or GAD-7 after a positive weekly screen (PHQ-2 /
 * GAD-2 at the clinic's stepping thresholds, 3 by default; its two items
 * carried over), or the scheduled full PHQ-9 + GAD-7, or the BAM. An
 * instrument already begun today is not begun again (a check-in updated the
 * same day asks the screen again; its measures were already offered).
 */
export async function beginMeasures(services: DialogServices, checkIn: CheckIn, plan: ScreenPlan): Promise<MeasureRecord[]> {
  const wanted: Array<{ instrument: Instrument; source: MeasureSource; items?: Record<string, number | null> }> = [];
  if (plan === 'full') wanted.push({ instrument: 'phq9', source: 'scheduled' }, { instrument: 'gad7', source: 'scheduled' });
  if (plan === 'bam') wanted.push({ instrument: 'bam', source: 'scheduled' });
  const screen = checkIn.screen;
  const stepAt = services.flagRules.stepping;
  if (plan === 'weekly' && screen) {
    const { littleInterest, feelingDown, nervous, cannotStopWorrying } = screen.items;
    if ((screen.phq2 ?? 0) >= stepAt.phq2) wanted.push({ instrument: 'phq9', source: 'stepped', items: { item1: littleInterest, item2: feelingDown } });
    if ((screen.gad2 ?? 0) >= stepAt.gad2) wanted.push({ instrument: 'gad7', source: 'stepped', items: { item1: nervous, item2: cannotStopWorrying } });
  }
  const begun: MeasureRecord[] = [];
  for (const w of wanted) {
    if (await services.measures.get(checkIn.participantId, w.instrument, checkIn.localDate)) continue;
    const { _etag, ...record } = await services.measures.begin({ participantId: checkIn.participantId, timeZone: checkIn.timeZone, ...w });
    begun.push(record);
  }
  return begun;
}
