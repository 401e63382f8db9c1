#!/usr/bin/env bash
# The README's test command: static checks, unit tests, a production build, then end-to-end tests
# against the real server and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint (layering rules) =="; npx eslint .
echo "== typecheck (one tsconfig per layer) =="; bash scripts/typecheck.sh
echo "== unit tests =="; npx vitest run
echo "== build =="; npm run build
echo "== end-to-end tests =="; npx playwright test
