import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CHECKINS } from '../domain/checkins';
import { addDays, localDateOf } from '../domain/localTime';
import { Track } from '../domain/participant';
import { LEDGER } from '../outreach/ledger';
import { Condition, DocumentStore } from '../store/port';
import type { DayRow, ParticipantRow } from './reportRows';

/**
 * What the participation figures need of a range's check-ins and check-in
 * prompts (~180,000 records a quarter for 1,000 participants), read as
 * counts wherever a count gives the same figure, and as keys (pk, id) of a
 * few records elsewhere. Every query filters on the fields of one index
 * (collections.ts: checkins by (status, pk, localDate), the ledger by (kind,
 * state, pk, localDate)), always with the participants it is about, and
 * reads nothing else: SQLite answers it with one seek per participant in the
 * index, without opening a document.
 */
export interface CheckinCounts {
  /** Per track, completed check-ins per local day of the range, of active participants enrolled on or before its first day. */
  settledByDay: Map<Track, Map<string, number>>;
  /** Completed check-ins in the range of active participants who enrolled during it (their days before enrolling do not count). */
  joinerDays: DayRow[];
  /** Participants with a completed check-in from `windowStart` to the range's last day. */
  recent: Set<string>;
  /** Check-in prompts sent in the range, and those followed by a completed check-in the same local day. */
  prompts: { sent: number; answered: number };
}

export async function readCheckinCounts(
  store: DocumentStore,
  range: { from: string; to: string },
  participants: readonly ParticipantRow[],
  windowStart: string,
): Promise<CheckinCounts> {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  const completed = (from: string, to: string, ids: string[]) => within(COMPLETED, from, to, ids);
  const ids = (ps: readonly ParticipantRow[]) => ps.map((p) => p.id);

  const active = participants.filter((p) => p.status === 'active');
  const enrolledOn = (p: ParticipantRow) => localDateOf(new Date(p.createdAt), p.timeZone);
  const settledByDay = new Map<Track, Map<string, number>>();
  for (const track of new Set(active.map((p) => p.track))) {
    const settled = active.filter((p) => p.track === track && enrolledOn(p) <= range.from);
    if (settled.length) settledByDay.set(track, (await store.countBy(CHECKINS, { where: completed(range.from, range.to, ids(settled)) }, 'localDate', days)) as Map<string, number>);
    await yieldToEventLoop();
  }
  const joiners = active.filter((p) => enrolledOn(p) > range.from && enrolledOn(p) <= range.to);
  const joinerDays = joiners.length ? await keys(store, CHECKINS, completed(range.from, range.to, ids(joiners))) : [];
  const recent = new Set((await keys(store, CHECKINS, completed(windowStart, range.to, ids(participants)))).map((r) => r.pk));
  return { settledByDay, joinerDays, recent, prompts: await promptCounts(store, range, ids(participants), days.length) };
}

/**
 * Prompts per participant are counted. A participant prompted on every day
 * of the range answered as many as they completed check-ins in it; only the
 * others' prompts and check-ins are read day by day.
 */
async function promptCounts(store: DocumentStore, range: { from: string; to: string }, scope: string[], days: number): Promise<CheckinCounts['prompts']> {
  const perParticipant = await store.countBy(LEDGER, { where: within(PROMPTED, range.from, range.to, scope) }, 'pk', scope);
  await yieldToEventLoop();
  let sent = 0;
  const everyDay: string[] = [];
  const someDays: string[] = [];
  for (const [id, n] of perParticipant) {
    sent += n;
    if (n === days) everyDay.push(id as string);
    else if (n > 0) someDays.push(id as string);
  }
  let answered = everyDay.length ? await store.count(CHECKINS, { where: within(COMPLETED, range.from, range.to, everyDay) }) : 0;
  if (someDays.length) {
    const prompted = new Set((await keys(store, LEDGER, within(PROMPTED, range.from, range.to, someDays))).map(dayKey));
    answered += (await keys(store, CHECKINS, within(COMPLETED, range.from, range.to, someDays))).filter((c) => prompted.has(dayKey(c))).length;
  }
  return { sent, answered };
}

/** Equalities on the leading fields of each collection's report index, in its order. */
const COMPLETED: Condition[] = [{ field: 'status', op: '=', value: 'complete' }];
const PROMPTED: Condition[] = [
  { field: 'kind', op: '=', value: 'checkin' },
  { field: 'state', op: '=', value: 'sent' },
];

/** `leading`, then local dates `from`…`to`, of these participants. */
function within(leading: Condition[], from: string, to: string, participants: string[]): Condition[] {
  return [...leading, { field: 'localDate', op: '>=', value: from }, { field: 'localDate', op: '<=', value: to }, { field: 'pk', op: 'in', value: participants }];
}

/**
 * Participant-days matching `where`, read as keys: check-in ids
 * (`participantId:localDate`) and check-in prompt ids (`checkin:localDate`)
 * end in their local date. Ordered as the index is (participant, then day), so SQLite sorts nothing.
 */
async function keys(store: DocumentStore, collection: string, where: Condition[]): Promise<DayRow[]> {
  await yieldToEventLoop();
  const leading = collection === LEDGER ? PROMPTED : COMPLETED;
  const orderBy = [...leading.map((c) => ({ field: c.field })), { field: 'pk' }, { field: 'localDate' }];
  const page = await store.project<{ pk: string; id: string }>(collection, { where, orderBy }, ['pk', 'id']);
  return page.items.map(({ pk, id }) => ({ pk, localDate: id.slice(-'YYYY-MM-DD'.length) }));
}

function dayKey(row: DayRow): string {
  return `${row.pk}|${row.localDate}`;
}
