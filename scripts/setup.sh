#!/usr/bin/env bash
# Idempotent set-up for a fresh clone on a machine that has only Node and npm:
# installs the pinned pnpm and the locked dependencies. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm $want_pnpm with npm" >&2
  npm install --global --no-fund --no-audit "pnpm@$want_pnpm" >&2
fi

# better-sqlite3 has no reachable prebuilt binary here: node-gyp compiles it and must find Node's headers
# locally. Only this variable works for that (../shared/TOOLCHAIN.md).
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

# `pnpm install` is fast when nothing changed; the lockfile is never rewritten here.
pnpm install --frozen-lockfile --reporter=append-only >&2

# `--with-browser` (the test command): the admin app's end-to-end tests drive Debian's Chromium and
# render Chinese, so both come from apt when missing (never a downloaded browser build).
if [ "${1:-}" = "--with-browser" ] && ! { [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; }; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium and fonts-noto-cjk for the browser tests" >&2
    apt-get update >&2 && apt-get install -y --no-install-recommends chromium fonts-noto-cjk >&2
  else
    echo "setup: the browser tests need Debian's chromium and fonts-noto-cjk:" >&2
    echo "       sudo apt-get install chromium fonts-noto-cjk" >&2
  fi
fi
