import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadSplit } from '../../scripts/safety/dataset';
import { trainWeights } from '../../scripts/safety/training';

const WEIGHTS_FILE = join(__dirname, '..', '..', 'bot', 'safety', 'risk', 'weights.json');

describe('the committed risk classifier', () => {
  it('is exactly what `npm run safety:train` writes from the training split', { timeout: 600_000 }, () => {
    assert.equal(readFileSync(WEIGHTS_FILE, 'utf8'), trainWeights().json, 'run `npm run safety:train` and commit bot/safety/risk/weights.json');
  });

  it('trains on at least 300 crisis and 300 benign labelled messages per language, each with its kind', () => {
    const rows = loadSplit('train').filter((r) => r.style !== 'crisis-set');
    for (const language of ['en', 'es']) {
      const own = rows.filter((r) => r.language === language);
      assert.ok(own.filter((r) => r.label === 'crisis').length >= 300, `${language} crisis`);
      assert.ok(own.filter((r) => r.label === 'benign').length >= 300, `${language} benign`);
      assert.ok(own.every((r) => r.kind.length > 0));
    }
  });

  it('stays small', () => {
    assert.ok(readFileSync(WEIGHTS_FILE).length < 3 * 1024 * 1024);
  });
});
