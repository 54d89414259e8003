/**
 * Fails (exit 1) when a locale key exists in one language and not the other,
 * when a file is not valid JSON, or when interpolation variables differ between
 * languages for the same key. Run by `npm test` and CI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, LOCALES_DIR } from '../bot/i18n';

type Flat = Map<string, string>;

function flatten(node: unknown, prefix: string, out: Flat): void {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, Array.isArray(node) ? JSON.stringify(node) : String(node));
  }
}

/** i18next plural suffixes differ by language; compare the base key. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const variables = (text: string) => [...text.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1]).sort().join(',');

export function checkLocales(dir = LOCALES_DIR): string[] {
  const problems: string[] = [];
  const keys = new Map<string, Map<string, string>>(); // lang → (ns:key → text)
  for (const lang of LANGUAGES) {
    const all = new Map<string, string>();
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      const ns = file.replace(/\.json$/, '');
      const flat: Flat = new Map();
      try {
        flatten(JSON.parse(readFileSync(join(dir, lang, file), 'utf8')), '', flat);
      } catch (err) {
        problems.push(`${lang}/${file}: invalid JSON (${(err as Error).message})`);
        continue;
      }
      for (const [k, v] of flat) all.set(`${ns}:${baseKey(k)}`, v);
    }
    keys.set(lang, all);
  }
  const union = new Set([...keys.values()].flatMap((m) => [...m.keys()]));
  for (const key of [...union].sort()) {
    const present = LANGUAGES.filter((l) => keys.get(l)!.has(key));
    for (const lang of LANGUAGES.filter((l) => !present.includes(l))) problems.push(`${lang} lacks ${key}`);
    if (present.length === LANGUAGES.length) {
      const vars = new Set(present.map((l) => variables(keys.get(l)!.get(key)!)));
      if (vars.size > 1) problems.push(`${key}: interpolation variables differ between languages`);
    }
  }
  return problems;
}

if (require.main === module) {
  const problems = checkLocales();
  if (problems.length) {
    for (const p of problems) process.stderr.write(`locales: ${p}\n`);
    process.exit(1);
  }
  process.stdout.write(`locales: ${LANGUAGES.join(', ')} have the same keys\n`);
}
