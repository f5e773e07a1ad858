#!/usr/bin/env bash
# Serves a production build of the app on a fresh, migrated and seeded database for the e2e suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p tests/.tmp
rm -f tests/.tmp/e2e.db tests/.tmp/e2e.db-wal tests/.tmp/e2e.db-shm
npm run --silent db:migrate
npm run --silent db:seed
npm run --silent build
exec npx next start --hostname 127.0.0.1 --port "${E2E_PORT:-3107}"
