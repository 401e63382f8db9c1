#!/usr/bin/env bash
# The README's test command: static checks, unit tests, a production build, then end-to-end tests
# against the real server and Debian's Chromium. Ends with one line adding up every test.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
echo "== lint (layering rules) =="; npx eslint .
echo "== typecheck (one tsconfig per layer) =="; bash scripts/typecheck.sh
echo "== unit tests =="; npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json"
echo "== build =="; npm run build
echo "== end-to-end tests =="
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json
node scripts/test-summary.mjs "$results/unit.json" "$results/e2e.json"
