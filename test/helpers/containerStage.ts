import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, REPO_ROOT } from '../../scripts/build/build';

/** The files of the Dockerfile's build stage that reach its runtime stage. */
export interface StagedImage {
  /** /app of the runtime stage: package.json, node_modules (production only), dist/, data/. */
  appDir: string;
}

/**
 * Replays the Dockerfile's steps into `root` (no Docker engine here):
 * build stage — the package files, the `npm ci` tree, `npm run build`,
 * `npm prune --omit=dev`; runtime stage — only package.json, node_modules and
 * dist/ copied over, plus a data/ folder owned by `owner` (the image's `node` user).
 *
 * The `npm ci` tree is this checkout's own (same lockfile), hard-linked rather
 * than installed again; prune only unlinks, and npm's hidden lockfile is
 * removed first so npm writes a new file instead of through the link.
 */
export function stageImage(root: string, owner?: { uid: number; gid: number }): StagedImage {
  const buildDir = join(root, 'build');
  const appDir = join(root, 'app');
  mkdirSync(buildDir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(join(REPO_ROOT, file), join(buildDir, file));
  execFileSync('cp', ['-al', join(REPO_ROOT, 'node_modules'), join(buildDir, 'node_modules')]);
  rmSync(join(buildDir, 'node_modules', '.package-lock.json'), { force: true });
  build(join(buildDir, 'dist'));
  execFileSync('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: buildDir, stdio: 'pipe' });

  mkdirSync(join(appDir, 'data'), { recursive: true });
  copyFileSync(join(buildDir, 'package.json'), join(appDir, 'package.json'));
  renameSync(join(buildDir, 'node_modules'), join(appDir, 'node_modules'));
  renameSync(join(buildDir, 'dist'), join(appDir, 'dist'));
  chmodSync(root, 0o755);
  if (owner) chownSync(join(appDir, 'data'), owner.uid, owner.gid);
  return { appDir };
}
