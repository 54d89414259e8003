import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { MEASURES, MeasureRecord } from '../measures/measureRecord';
import { DocumentStore } from '../store/port';
import type { ScoreRow } from './reportRows';

/** Participants named in one lookup (an `in` list). */
const PKS_PER_QUERY = 500;

type ScoreDoc = Pick<MeasureRecord, 'participantId' | 'instrument' | 'localDate' | 'completedAt' | 'total'>;

/**
 * The PHQ-9 and GAD-7 administrations a score change compares: per
 * participant in scope and instrument, the first scored one (the baseline,
 * whenever it was) and the latest in the range. Their keys come from the
 * (instrument, localDate, completedAt, total) index, which holds every field
 * the query filters on, so SQLite lists a year of administrations without
 * opening one; then only those few documents are read, a few fields of each.
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
  // Grouped by id (one instrument on one date): a weekly schedule gives many participants the same one, so a
  // quarter's baselines and latest scores are a few hundred exact (id, participants) lookups, each projected to
  // the four fields a score change needs instead of whole documents read one by one.
  const pksById = new Map<string, string[]>();
  for (const { pk, id } of wanted) pksById.set(id, [...(pksById.get(id) ?? []), pk]);
  const rows: ScoreRow[] = [];
  for (const [id, pks] of pksById) {
    for (let i = 0; i < pks.length; i += PKS_PER_QUERY) {
      await yieldToEventLoop();
      const found = await store.project<ScoreDoc>(
        MEASURES,
        {
          where: [
            { field: 'id', op: '=', value: id },
            { field: 'pk', op: 'in', value: pks.slice(i, i + PKS_PER_QUERY) },
          ],
        },
        ['participantId', 'instrument', 'localDate', 'completedAt', 'total'],
      );
      for (const d of found.items) {
        // Gone or changed since the keys were read: the next report sees it as it is then.
        if (d.completedAt !== null && d.total !== null && (d.instrument === 'phq9' || d.instrument === 'gad7')) {
          rows.push({ participantId: d.participantId, instrument: d.instrument, localDate: d.localDate, total: d.total });
        }
      }
    }
  }
  return rows;
}
