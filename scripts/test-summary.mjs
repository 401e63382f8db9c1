#!/usr/bin/env node
// Adds up the unit (vitest JSON) and end-to-end (Playwright JSON) results into the one closing
// line CI reads: "N passed, N failed, N skipped". Usage: test-summary.mjs UNIT.json [E2E.json ...]
// (one Playwright report per run: the phone project runs separately, in a network namespace).
import { existsSync, readFileSync } from 'node:fs';

const [unitFile, ...e2eFiles] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (unitFile && existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
for (const e2eFile of e2eFiles) {
  if (!existsSync(e2eFile)) continue;
  const stats = JSON.parse(readFileSync(e2eFile, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
