import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Which coping tips exist and what each helps with. The words of a tip live in
 * locales/<lang>/tips.json under `tip.<id>`; this catalog only lists ids and
 * categories, so a clinic adds a tip by adding one line here and one text per
 * language.
 */

/** What a participant can ask help with. Fixed in code: check-in matching and the locale labels depend on them. */
export const TIP_CATEGORIES = ['cravings', 'anxiety', 'stress', 'lowMood', 'sleep', 'anger'] as const;
export type TipCategory = (typeof TIP_CATEGORIES)[number];

export function isTipCategory(value: unknown): value is TipCategory {
  return typeof value === 'string' && (TIP_CATEGORIES as readonly string[]).includes(value);
}

export interface TipEntry {
  id: string;
  categories: TipCategory[];
}

export const CATALOG_PATH = join(__dirname, 'catalog.json');

const catalogSchema = z
  .object({
    tips: z.array(
      z.object({
        // The id becomes part of an i18n key: no dots or colons.
        id: z.string().regex(/^[A-Za-z0-9]+$/, 'must be letters and digits'),
        categories: z.array(z.enum(TIP_CATEGORIES)).min(1),
      }),
    ),
  })
  .superRefine((catalog, ctx) => {
    const ids = new Set<string>();
    for (const [index, tip] of catalog.tips.entries()) {
      if (ids.has(tip.id)) ctx.addIssue({ code: 'custom', path: ['tips', index, 'id'], message: `duplicate tip id ${tip.id}` });
      ids.add(tip.id);
    }
    for (const category of TIP_CATEGORIES) {
      if (!catalog.tips.some((t) => t.categories.includes(category))) {
        ctx.addIssue({ code: 'custom', path: ['tips'], message: `category ${category} has no tip` });
      }
    }
  });

export class TipCatalog {
  private readonly byCategory: ReadonlyMap<TipCategory, readonly string[]>;

  constructor(readonly tips: readonly TipEntry[]) {
    this.byCategory = new Map(TIP_CATEGORIES.map((c) => [c, tips.filter((t) => t.categories.includes(c)).map((t) => t.id)]));
  }

  /** Reads and validates the catalog file; throws ZodError naming the bad entry. */
  static load(path = CATALOG_PATH): TipCatalog {
    const parsed = catalogSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    return new TipCatalog(parsed.tips);
  }

  /** Tip ids of a category, in catalog order. */
  tipsIn(category: TipCategory): readonly string[] {
    return this.byCategory.get(category) ?? [];
  }

  has(tipId: string): boolean {
    return this.tips.some((t) => t.id === tipId);
  }
}

/** The locale key of a tip's text. */
export function tipTextKey(tipId: string): string {
  return `tips:tip.${tipId}`;
}
