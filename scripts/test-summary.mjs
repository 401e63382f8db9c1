#!/usr/bin/env node
// Adds up the vitest JSON reports (unit tests, packaged-app checks) and the end-to-end Playwright
// JSON reports into the one closing line CI reads: "N passed, N failed, N skipped".
// Usage: test-summary.mjs REPORT.json ... — each file is told apart by its shape (vitest's has
// numPassedTests, Playwright's has stats); one Playwright report per run (the phone project runs
// separately, in a network namespace).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    continue;
  }
  const stats = report.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
