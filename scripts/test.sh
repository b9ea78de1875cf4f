#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite, real Caddy) and end-to-end (the browser
# shell in Debian's Chromium). Ends with the runner's summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh || exit 1
if [ ! -d node_modules ]; then
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund || exit 1
fi
npm run build || exit 1
# Types are checked across every process boundary before anything runs.
npm run typecheck || exit 1

mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
status=$?
node scripts/test-summary.mjs test-results/vitest.json || status=1
exit $status
