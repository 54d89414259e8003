import { Clock } from '../clock';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { TipCatalog, TipCategory } from './catalog';

export const TIP_HISTORY = 'tipHistory';

/**
 * Which tips a participant has been shown. pk = id = participantId: one small
 * document per participant, read and written by point operations.
 */
export interface TipHistory extends DocBase {
  participantId: string;
  /** Tips shown since their category last ran out (a tip in several categories counts once). */
  seen: string[];
  /** The last pick, so a turn that runs again picks the same tip instead of burning another. */
  last: { turnId: string; category: TipCategory; tipId: string } | null;
  updatedAt: string;
}

/**
 * The next tip of a category: one not seen yet, at random; when all of the
 * category were seen, the category starts over, never with the tip shown just
 * before (so "another" always gives a different one).
 */
export function pickTip(
  inCategory: readonly string[],
  seen: readonly string[],
  previous: string | null,
  random: () => number,
): { tipId: string; seen: string[] } {
  if (inCategory.length === 0) throw new Error('a tip category has no tips');
  const unseen = inCategory.filter((id) => !seen.includes(id));
  if (unseen.length > 0) {
    const tipId = oneOf(unseen, random);
    return { tipId, seen: [...seen, tipId] };
  }
  const otherCategories = seen.filter((id) => !inCategory.includes(id));
  const candidates = inCategory.length > 1 ? inCategory.filter((id) => id !== previous) : inCategory;
  const tipId = oneOf(candidates, random);
  return { tipId, seen: [...otherCategories, tipId] };
}

function oneOf<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}

/** Picks tips for participants and remembers what they have seen (collection 'tipHistory'). */
export class TipSelector {
  constructor(
    private readonly store: DocumentStore,
    private readonly catalog: TipCatalog,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * The tip to show now. `turnId` (the activity id) makes a re-run turn get the
   * same tip; the history write is eTag-guarded so two channels at once do not
   * lose each other's picks.
   */
  async next(participantId: string, category: TipCategory, turnId: string): Promise<string> {
    const picked = (current: TipHistory | undefined): TipHistory => {
      const known = (current?.seen ?? []).filter((id) => this.catalog.has(id));
      const { tipId, seen } = pickTip(this.catalog.tipsIn(category), known, current?.last?.tipId ?? null, this.random);
      return { id: participantId, pk: participantId, participantId, seen, last: { turnId, category, tipId }, updatedAt: this.clock().toISOString() };
    };
    const { doc } = await updateDocument<TipHistory>(
      this.store,
      TIP_HISTORY,
      participantId,
      participantId,
      (current) => {
        const last = current.last;
        return last && turnId && last.turnId === turnId && last.category === category ? undefined : picked(current);
      },
      { create: () => picked(undefined) },
    );
    // Either the pick of this very turn (kept) or the one `picked` just wrote: both set `last`.
    if (!doc.last) throw new Error(`tip history of ${participantId} has no pick`);
    return doc.last.tipId;
  }

  async history(participantId: string): Promise<Stored<TipHistory> | undefined> {
    return this.store.get<TipHistory>(TIP_HISTORY, participantId, participantId);
  }
}
