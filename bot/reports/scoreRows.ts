import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { MEASURES, MeasureRecord } from '../measures/measureRecord';
import { DocumentStore } from '../store/port';
import type { ScoreRow } from './reportRows';

/** Point reads between two yields to the event loop. */
const BATCH = 200;

/**
 * The PHQ-9 and GAD-7 administrations a score change compares: per
 * participant in scope and instrument, the first scored one (the baseline,
 * whenever it was) and the latest in the range. Their keys come from the
 * (instrument, localDate, completedAt, total) index, which holds every field
 * the query filters on, so SQLite lists a year of administrations without
 * opening one; then only those few documents are read.
 */
export async function readScoreRows(store: DocumentStore, range: { from: string; to: string }, inScope: ReadonlySet<string>): Promise<ScoreRow[]> {
  const page = await store.project<{ pk: string; id: string }>(
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
    ['pk', 'id'],
  );
  // Oldest first per instrument: the first key seen is the baseline, the last one in the range the latest.
  const baseline = new Map<string, { pk: string; id: string }>();
  const latest = new Map<string, { pk: string; id: string }>();
  for (const key of page.items) {
    if (!inScope.has(key.pk)) continue;
    // measureId: `${instrument}:${localDate}`.
    const instrument = key.id.slice(0, key.id.indexOf(':'));
    const localDate = key.id.slice(instrument.length + 1);
    const who = `${key.pk}|${instrument}`;
    if (!baseline.has(who)) baseline.set(who, key);
    if (localDate >= range.from) latest.set(who, key);
  }
  const wanted = [...latest].flatMap(([who, last]) => (baseline.get(who)!.id === last.id ? [] : [baseline.get(who)!, last]));
  const rows: ScoreRow[] = [];
  for (let i = 0; i < wanted.length; i += BATCH) {
    await yieldToEventLoop();
    const docs = await Promise.all(wanted.slice(i, i + BATCH).map((k) => store.get<MeasureRecord>(MEASURES, k.pk, k.id)));
    for (const d of docs) {
      // Gone or changed since the keys were read: the next report sees it as it is then.
      if (d && d.completedAt !== null && d.total !== null && (d.instrument === 'phq9' || d.instrument === 'gad7')) {
        rows.push({ participantId: d.participantId, instrument: d.instrument, localDate: d.localDate, total: d.total });
      }
    }
  }
  return rows;
}
