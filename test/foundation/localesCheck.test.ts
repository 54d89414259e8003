import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLocales } from '../../scripts/locales-check';

function localesDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-locales-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

test('the shipped locales have the same keys in every language', () => {
  assert.deepEqual(checkLocales(), []);
});

test('a key missing from one language, a missing namespace, bad JSON and mismatched variables are reported', () => {
  const dir = localesDir({
    'en/common.json': { hi: 'Hi {{name}}', menu: { tip: 'Tip' }, bye: 'Bye' },
    'es/common.json': { hi: 'Hola {{nombre}}', menu: {}, bye: 'Adiós' },
    'en/tips.json': { a: 'A' },
    'es/broken.json': '{ not json',
  });
  try {
    const problems = checkLocales(dir);
    assert.ok(problems.includes('es lacks common:menu.tip'));
    assert.ok(problems.includes('es lacks tips:a'));
    assert.ok(problems.some((p) => p.startsWith('es/broken.json: invalid JSON')));
    assert.ok(problems.includes('common:hi: interpolation variables differ between languages'));
    assert.ok(!problems.some((p) => p.includes('common:bye')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plural suffixes are compared by their base key', () => {
  const dir = localesDir({
    'en/common.json': { days_one: '{{count}} day', days_other: '{{count}} days' },
    'es/common.json': { days_one: '{{count}} día', days_other: '{{count}} días', days_many: '{{count}} días' },
  });
  try {
    assert.deepEqual(checkLocales(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
