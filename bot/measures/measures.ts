import { DateTime } from 'luxon';
import { Clock } from '../clock';
import { localDateOf } from '../domain/checkins';
import { DocumentStore, Stored } from '../store/port';
import { queryAll } from '../store/queryAll';
import { bandOf, itemsOf, scoreBam, totalOf } from './instruments';
import { Instrument, MEASURES, measureId, MeasureRecord, MeasureSource } from './measureRecord';

/**
 * The measures collection. A record is written after every answer, so an
 * administration left half-way is in the store (completedAt null) and can be
 * taken up again (see resumable) — the stepped items follow a finished
 * check-in, whose own record is already written.
 */
export class Measures {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async get(participantId: string, instrument: Instrument, localDate: string): Promise<Stored<MeasureRecord> | undefined> {
    return this.store.get<MeasureRecord>(MEASURES, participantId, measureId(instrument, localDate));
  }

  /** A new administration begun today (items already known, e.g. the PHQ-2 from the weekly screen), stored at once. */
  async begin(input: { participantId: string; timeZone: string; instrument: Instrument; source: MeasureSource; items?: Record<string, number | null> }): Promise<Stored<MeasureRecord>> {
    const now = this.clock();
    const localDate = localDateOf(now, input.timeZone);
    return this.save({
      id: measureId(input.instrument, localDate),
      pk: input.participantId,
      participantId: input.participantId,
      instrument: input.instrument,
      source: input.source,
      localDate,
      startedAt: now.toISOString(),
      completedAt: null,
      items: { ...input.items },
      total: null,
      band: null,
      bam: null,
    });
  }

  /** Stores one more answer; the last one completes the record with its scores. */
  async answer(record: MeasureRecord, answers: Record<string, number | null>): Promise<Stored<MeasureRecord>> {
    Object.assign(record.items, answers);
    if (remainingItems(record).length === 0) {
      record.completedAt = this.clock().toISOString();
      if (record.instrument === 'bam') record.bam = scoreBam(record.items);
      else {
        record.total = totalOf(record.instrument, record.items);
        record.band = record.total === null ? null : bandOf(record.instrument, record.total);
      }
    }
    return this.save(record);
  }

  async save(record: MeasureRecord): Promise<Stored<MeasureRecord>> {
    const { _etag, ...doc } = record as Stored<MeasureRecord>;
    return this.store.upsert<MeasureRecord>(MEASURES, doc);
  }

  /** The participant's administrations begun on or after `fromDate` (local YYYY-MM-DD), newest first. */
  async since(participantId: string, fromDate: string): Promise<Stored<MeasureRecord>[]> {
    // participantId repeats the partition key: the Cosmos emulator does not scope queries to it.
    return queryAll<MeasureRecord>(this.store, MEASURES, {
      pk: participantId,
      where: [
        { field: 'participantId', op: '=', value: participantId },
        { field: 'localDate', op: '>=', value: fromDate },
      ],
      orderBy: [{ field: 'localDate', dir: 'desc' }],
      limit: 100,
    });
  }

  /**
   * Unfinished administrations the participant may still finish: begun today
   * or yesterday (their local dates). Older ones stay incomplete for good (an
   * answer about "the last 2 weeks" a week late is not the same measure).
   */
  async resumable(participantId: string, timeZone: string): Promise<Stored<MeasureRecord>[]> {
    const yesterday = DateTime.fromJSDate(this.clock(), { zone: timeZone }).minus({ days: 1 }).toISODate()!;
    const open = (await this.since(participantId, yesterday)).filter((r) => r.completedAt === null);
    // PHQ-9 before GAD-7 before BAM, as first asked.
    return open.sort((a, b) => ORDER.indexOf(a.instrument) - ORDER.indexOf(b.instrument));
  }

  /** The latest administration of an instrument from a source (for schedules), or undefined. */
  async latest(participantId: string, instrument: Instrument, source?: MeasureSource): Promise<Stored<MeasureRecord> | undefined> {
    const all = await queryAll<MeasureRecord>(this.store, MEASURES, {
      pk: participantId,
      where: [
        { field: 'participantId', op: '=', value: participantId },
        { field: 'instrument', op: '=', value: instrument },
      ],
      orderBy: [{ field: 'localDate', dir: 'desc' }],
      limit: 50,
    });
    return all.find((r) => !source || r.source === source);
  }
}

const ORDER: readonly Instrument[] = ['phq9', 'gad7', 'bam'];

/** Items not yet asked, in the instrument's order. */
export function remainingItems(record: Pick<MeasureRecord, 'instrument' | 'items'>): string[] {
  return itemsOf(record.instrument).filter((key) => !(key in record.items));
}
