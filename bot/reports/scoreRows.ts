import { MEASURES } from '../measures/measureRecord';
import { DocumentStore } from '../store/port';
import type { ScoreRow } from './reportRows';

/**
 * The PHQ-9 and GAD-7 administrations a score change compares: per
 * participant in scope and instrument, the first scored one (the baseline,
 * whenever it was) and the latest in the range. One query on the
 * (instrument, localDate, completedAt, total) index, which holds every field
 * it filters on and returns (pk is the participant), so SQLite lists a year
 * of administrations without opening one.
 */
export async function readScoreRows(store: DocumentStore, range: { from: string; to: string }, inScope: ReadonlySet<string>): Promise<ScoreRow[]> {
  const page = await store.project<{ pk: string; instrument: ScoreRow['instrument']; localDate: string; total: number }>(
    MEASURES,
    {
      where: [
        { field: 'instrument', op: 'in', value: ['gad7', 'phq9'] },
        { field: 'localDate', op: '<=', value: range.to },
        { field: 'completedAt', op: '!=', value: null },
        { field: 'total', op: '!=', value: null },
      ],
      // The index's own order: SQLite then picks it over (instrument, localDate), which would open every document.
      orderBy: [{ field: 'instrument' }, { field: 'localDate' }, { field: 'completedAt' }, { field: 'total' }],
    },
    ['pk', 'instrument', 'localDate', 'total'],
  );
  // Oldest first per instrument: the first one seen is the baseline, the last one in the range the latest.
  const baseline = new Map<string, ScoreRow>();
  const latest = new Map<string, ScoreRow>();
  for (const { pk, instrument, localDate, total } of page.items) {
    if (!inScope.has(pk)) continue;
    const who = `${pk}|${instrument}`;
    const row: ScoreRow = { participantId: pk, instrument, localDate, total };
    if (!baseline.has(who)) baseline.set(who, row);
    if (localDate >= range.from) latest.set(who, row);
  }
  return [...latest].flatMap(([who, last]) => (baseline.get(who) === last ? [last] : [baseline.get(who)!, last]));
}
