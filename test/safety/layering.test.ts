import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recognizeIntent } from '../../bot/turn/commands';

const SAFETY_DIR = join(__dirname, '..', '..', 'bot', 'safety');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the safety screen sits below the dialogs', () => {
  it('imports nothing from dialogs/ (the commands it recognises live in bot/turn/commands.ts)', () => {
    const offenders = sources(SAFETY_DIR).filter((file) => /from '(?:\.\.\/)+dialogs\//.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('recognises the commands in both languages, whole messages only', () => {
    assert.deepEqual(recognizeIntent('Add to my plan'), { kind: 'go', destination: 'planAdd' });
    assert.deepEqual(recognizeIntent('Agregar a mi plan'), { kind: 'go', destination: 'planAdd' });
    assert.deepEqual(recognizeIntent('MENÚ'), { kind: 'menu' });
    assert.equal(recognizeIntent('I need help with my plan tonight'), undefined);
  });
});
