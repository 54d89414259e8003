/**
 * The production build: compiles bot/, dialogs/ and scripts/ to JavaScript and
 * copies everything they read at run time beside the output, so
 * `node dist/bot/index.js` and `node dist/scripts/admin.js …` need nothing
 * but dist/ and node_modules/.
 *
 *   npm run build [-- --out-dir DIR]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Source folders whose non-TypeScript files (JSON config, catalogues, public/ assets) are read at run time. */
const SOURCE_DIRS = ['bot', 'dialogs', 'scripts'];
/** Folders read at run time as a whole (i18next resources). */
const DATA_DIRS = ['locales'];

/** Builds into `outDir` (emptied first); returns the run-time files copied, relative to it. */
export function build(outDir: string): string[] {
  rmSync(outDir, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(REPO_ROOT, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
  const copied: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const file of filesUnder(join(REPO_ROOT, dir))) {
      if (file.endsWith('.ts')) continue;
      copied.push(copy(file, outDir));
    }
  }
  for (const dir of DATA_DIRS) {
    for (const file of filesUnder(join(REPO_ROOT, dir))) copied.push(copy(file, outDir));
  }
  return copied;
}

function copy(file: string, outDir: string): string {
  const rel = relative(REPO_ROOT, file);
  cpSync(file, join(outDir, rel));
  return rel;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

if (require.main === module) {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: join(REPO_ROOT, 'dist') } } });
  const outDir = resolve(values['out-dir']);
  const copied = build(outDir);
  process.stdout.write(`Built ${relative(process.cwd(), outDir) || '.'}: compiled sources and ${copied.length} run-time files.\n`);
}
