#!/usr/bin/env bash
# `npm start` on a fresh clone (Node + npm only): installs pnpm and the locked dependencies, generates
# the Prisma clients, builds the admin app when it is there, then runs `qxg serve`, which migrates the
# SQLite file under ./data/ (or DATABASE_URL), loads the seed plan on first run, creates the first
# administrator (printing its one-time password) and serves on PORT (default 4000).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "start: generating the database clients" >&2
pnpm exec turbo run generate --filter=@qxg/db --output-logs=errors-only >&2

if [ -f apps/admin/package.json ]; then
  echo "start: building the admin app" >&2
  if ! pnpm exec turbo run build --filter=@qxg/admin --output-logs=errors-only >&2; then
    echo "start: the admin app did not build; serving the API and GraphiQL only" >&2
  fi
fi

# graphql-js skips its development-only instanceof checks in production mode.
export NODE_ENV="${NODE_ENV:-production}"
exec node apps/gateway/src/cli/qxg.mjs serve
