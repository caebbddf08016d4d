/**
 * Accessibility check with axe-core, injected into the page: WCAG 2.x A/AA rules. Serious and critical
 * violations fail the test with a readable list (rule, impact, the first offending elements).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * All violations of WCAG 2.0/2.1/2.2 A and AA rules on the page as it is now. `strict` adds axe's
 * best-practice rules (landmark-unique, …) and the experimental `label-content-name-mismatch` (WCAG
 * 2.5.3), as issue #18 counted them: the pages of the young person and parents pass those too.
 */
export async function axeViolations(page: Page, options: { strict?: boolean } = {}): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP forbids those.
  if (!injected) await page.evaluate(axeSource);
  const runOptions = options.strict
    ? {
        runOnly: { type: 'tag', values: [...WCAG_TAGS, 'best-practice', 'experimental'] },
      }
    : { runOnly: { type: 'tag', values: WCAG_TAGS } };
  return page.evaluate(async (opts) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, opts)) as {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  }, runOptions);
}

/** Throws when axe finds serious or critical violations; returns the minor/moderate ones for reporting. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<AxeViolation[]> {
  const all = await axeViolations(page);
  const serious = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const list = serious.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
    throw new Error(`axe: ${serious.length} serious/critical violation(s) on ${label}:\n${list}`);
  }
  return all;
}
