#!/usr/bin/env bash
# The README's test command: static checks, unit tests, a production build, then end-to-end tests
# against the real server and Debian's Chromium. Ends with one line adding up every test.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
echo "== lint (layering rules, formatting) =="; npm run --silent lint
echo "== typecheck (one tsconfig per layer) =="; bash scripts/typecheck.sh
echo "== electron static checks (electronegativity, HIGH findings gate) =="; node build/scripts/electronegativity-gate.mjs
echo "== unit tests =="; npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json"
echo "== build =="; npm run build
echo "== packaged app checks (built main under a stand-in electron; electron-builder --dir layout) =="
npx vitest run -c vitest.packaging.config.ts --reporter=default --reporter=json --outputFile.json="$results/packaging.json"
echo "== electron window suite (skipped without an Electron binary) =="; npx tsx test/electron/run.ts
echo "== end-to-end tests =="
e2e_status=0
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --project=e2e --reporter=list,json || e2e_status=$?
# The softphone spec places real WebRTC calls: inside a private network namespace (only its own
# loopback) no RTP or ICE packet can leave the machine (docs/PLATFORM-NOTES.md). Needs root (CI) or
# unprivileged user namespaces; without either it runs on the host's loopback and says so.
echo "== end-to-end phone tests (real media) =="
phone_status=0
phone_cmd='ip link set lo up && PLAYWRIGHT_JSON_OUTPUT_NAME="$0/phone.json" node_modules/.bin/playwright test --project=phone --reporter=list,json'
if unshare -n true 2>/dev/null; then
  unshare -n sh -c "$phone_cmd" "$results" || phone_status=$?
elif unshare -rn true 2>/dev/null; then
  unshare -rn sh -c "$phone_cmd" "$results" || phone_status=$?
else
  echo "WARNING: cannot create a network namespace here; the phone spec runs on the host's loopback" >&2
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/phone.json" npx playwright test --project=phone --reporter=list,json || phone_status=$?
fi
node scripts/test-summary.mjs "$results/unit.json" "$results/packaging.json" "$results/e2e.json" "$results/phone.json"
# A Playwright run that crashed before writing its report still fails the command.
[ "$e2e_status" -eq 0 ] && [ "$phone_status" -eq 0 ]
