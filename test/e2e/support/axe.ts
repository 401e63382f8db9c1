/**
 * axe-core (a tool none of us wrote) run in the page: every rule up to WCAG 2.2 AA, best practices
 * and the experimental ones. A view passes with no serious or critical violation and its landmarks
 * in place; the rest is attached to the test's report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  rule: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe-core on the page as it is now (after any animation settles) and answers every violation. */
export async function axeFindings(page: Page): Promise<Finding[]> {
  // Fading modals and sliding drawers have half-transparent colours mid-animation; wait them out.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    // Every rule up to WCAG 2.2 AA, best practices and the experimental ones (label-content-name-
    // mismatch is one); not AAA (color-contrast-enhanced) and not the deprecated ones.
    const rules = Object.fromEntries(axe.getRules().map((r) => [r.ruleId, { enabled: !r.tags.includes('wcag2aaa') && !r.tags.includes('deprecated') }]));
    const result = await axe.run(document, { rules, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 160),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      })),
    }));
  });
}

const report = (findings: Finding[]): string =>
  findings
    .map((f) => `${f.rule} (${f.impact}, ${f.nodes.length}): ${f.help}\n${f.nodes.map((n) => `    ${n.target} ${n.html} — ${n.summary}`).join('\n')}`)
    .join('\n');

// Moderate in axe, but each view must have exactly one main landmark at the top and asides beside it.
const LANDMARK_RULES = new Set(['landmark-one-main', 'landmark-no-duplicate-main', 'landmark-main-is-top-level', 'landmark-complementary-is-top-level']);

/** Every view must be free of serious and critical violations; the rest is attached to the report. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const findings = await axeFindings(page);
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical' || LANDMARK_RULES.has(f.rule));
  const others = findings.filter((f) => !blocking.includes(f));
  if (others.length) await test.info().attach(`axe ${view} (moderate/minor)`, { body: report(others), contentType: 'text/plain' });
  expect.soft(blocking, `axe on ${view}:\n${report(blocking)}`).toEqual([]);
}
