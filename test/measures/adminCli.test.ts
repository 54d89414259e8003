import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'puente-admin-measures-'));
  env = { ...process.env, SQLITE_PATH: join(dir, 'admin.db'), STORE: 'sqlite', MEASURES_BAM_EVERY_WEEKS: '3' };
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function record(id: string): Promise<Record<string, unknown>> {
  const listed = await admin('participant', 'list', '--json');
  return (JSON.parse(listed.stdout) as Array<Record<string, unknown>>).find((p) => p.id === id)!;
}

test('participant measures: substance use, full measures every N weeks, BAM every N weeks; bad values refused and nothing changed', async () => {
  const added = await admin('participant', 'add', '--name', 'Ana R', '--lang', 'es', '--tz', 'America/Chicago', '--track', 'evening', '--checkin', '19:00', '--substance-use', '--json');
  assert.equal(added.code, 0, added.stderr);
  const { id } = JSON.parse(added.stdout) as { id: string };
  assert.equal((await record(id)).substanceUse, true);

  const set = await admin('participant', 'measures', id, '--full-every', '6', '--bam-every', 'default', '--json');
  assert.equal(set.code, 0, set.stderr);
  assert.deepEqual(JSON.parse(set.stdout), { id, substanceUse: true, fullEveryWeeks: 6, bamEveryWeeks: 3 });

  const plain = await admin('participant', 'measures', id, '--full-every', 'off', '--bam-every', '2');
  assert.equal(plain.stdout.trim(), `participant ${id}: stepped weekly screen; BAM every 2 weeks`);

  for (const bad of [['--full-every', '0'], ['--bam-every', 'often'], ['--substance-use', 'maybe'], ['--weekly', '1']]) {
    const refused = await admin('participant', 'measures', id, ...bad);
    assert.equal(refused.code, 2, bad.join(' '));
    assert.match(refused.stderr, /^refused: /);
  }
  assert.equal((await admin('participant', 'measures', 'no-such-id', '--full-every', '4')).code, 2);
  const after = await record(id);
  assert.deepEqual([after.substanceUse, after.fullMeasures, after.bamEveryWeeks], [true, false, 2]);
});
