/**
 * The monitor over the generated demo region (issue 17 follow-up): with `demo-region --cases 400`, the
 * suppression hides municipality figures rather than the region's, so the region total and most of its
 * row and column totals are shown, while the attack over region + all municipalities finds nothing.
 * Logs how long the suppression of each region takes (no timed assertion: `npm run bench` measures).
 */
import { REGIONS } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITIES, generateDemoRegion } from '../../src/admin/commands/demoRegion.js';
import { monitorFacts, monitorYears } from '../../src/escalation/monitor.js';
import { buildScopedMonitor, type MonitorFacts, municipalityKey } from '../../src/escalation/monitorTables.js';
import { type CaseHarness, startCaseServer } from '../cases/support.js';
import { attackOf, derivedSmallCounts } from '../support/monitorAttack.js';

let h: CaseHarness;
const facts = new Map<string, MonitorFacts>();

beforeAll(async () => {
  h = await startCaseServer();
  await generateDemoRegion(h.db, { cases: 400, now: h.now() });
  for (const r of REGIONS) facts.set(r, await monitorFacts(h.services, r, h.now()));
  if (process.env.MONITOR_FACTS_DUMP)
    (await import('node:fs')).writeFileSync(
      process.env.MONITOR_FACTS_DUMP,
      JSON.stringify({ years: monitorYears(h.now()), facts: Object.fromEntries(facts) }),
    );
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('the generated demo region', () => {
  it.each(['Alkmaar (Noord-Kennemerland)', 'West-Friesland'])(
    '%s: region totals shown, nothing derivable',
    (region) => {
      const years = monitorYears(h.now());
      const f = facts.get(region) as MonitorFacts;
      const started = performance.now();
      const scoped = buildScopedMonitor(f, years);
      const ms = performance.now() - started;
      const all = scoped.region.flatMap((t) => [...(t.columnTotals ?? []), ...t.rowTotals]);
      const hiddenTotals = all.filter((v) => v === 'hidden').length;
      console.info(
        `suppression ${region}: ${f.cases.length} cases, ${ms.toFixed(0)} ms, region totals hidden ${hiddenTotals}/${all.length}`,
      );
      const registrants = scoped.region[0];
      expect(registrants?.grandTotal).toBe(f.cases.length);
      expect(hiddenTotals).toBeLessThan(all.length / 4);
      const pubs = new Map([['R', scoped.region]]);
      for (const m of DEMO_MUNICIPALITIES[region as keyof typeof DEMO_MUNICIPALITIES]) {
        const t = scoped.municipalities.get(municipalityKey(m));
        if (t) pubs.set(`M:${municipalityKey(m)}`, t);
      }
      expect([...derivedSmallCounts(attackOf(pubs))]).toEqual([]);
    },
  );
});
