/**
 * The labelled messages (test/safety/data/*.jsonl): one JSON object a line,
 * {text, label: crisis|benign, tier: crisis|question|none, kind, style}.
 * Training reads only the *.train.jsonl files; only the eval reads *.test.jsonl.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ModelClass } from '../../bot/safety/risk/model';

const DATA_DIR = join(__dirname, '..', '..', 'test', 'safety', 'data');

const Row = z.object({
  text: z.string().min(1),
  label: z.enum(['crisis', 'benign']),
  tier: z.enum(['crisis', 'question', 'none']),
  kind: z.string().min(1),
  style: z.string().default('plain'),
});

export type Labelled = z.infer<typeof Row> & { language: string };

/** The data set's kinds, as the model's classes (the help a kind needs). */
const CLASS_OF: Readonly<Record<string, ModelClass>> = {
  ideation_direct: 'suicide',
  ideation_passive: 'suicide',
  plan_means: 'suicide',
  goodbye: 'suicide',
  self_harm: 'self_harm',
  overdose_intended: 'overdose',
  overdose_accidental: 'overdose',
  danger_from_other: 'danger_from_other',
  other_at_risk: 'other_at_risk',
};

export function classOf(row: Labelled): ModelClass {
  if (row.label === 'benign') return 'benign';
  const cls = CLASS_OF[row.kind];
  if (!cls) throw new Error(`unknown crisis kind "${row.kind}"`);
  return cls;
}

/** Rows of the files of one split, in a fixed order (file name, then line). */
export function loadSplit(split: 'train' | 'test'): Labelled[] {
  const files = readdirSync(DATA_DIR)
    .filter((f) => f.endsWith(`.${split}.jsonl`))
    .sort();
  return files.flatMap((file) => {
    const language = file.split('.')[0];
    return readFileSync(join(DATA_DIR, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line, i) => {
        try {
          return [{ ...Row.parse(JSON.parse(line)), language }];
        } catch {
          // A data writer may be mid-line; the line is reported, not guessed at.
          console.warn(`skipped ${file}:${i + 1} (not a labelled row)`);
          return [];
        }
      });
  });
}
