/**
 * The monitor must not name a child (issue 12, High 4): a free-text "category" (here a child's name,
 * as older data or a careless registrant may hold) never becomes a label, and no "<5" can be worked out
 * from the published total and the other cells of its line.
 */
import { type MonitorTable, type MonitorView, PROBLEM_CATEGORY_LABELS } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDb } from '../../src/cases/caseDb.js';
import { type CaseHarness, startCaseServer, type TestUser } from '../cases/support.js';
import { attackOf, derivedSmallCounts } from '../support/monitorAttack.js';

const NAME = 'Noor Jansen';
let h: CaseHarness;
let registrant: TestUser;
let gemeente: TestUser;

async function registerCase(i: number, extra: Record<string, unknown>): Promise<string> {
  const res = await h.api<{ case: { id: string } }>(registrant, 'POST', '/api/cases', {
    youngPerson: { name: `Kind ${i}`, dateOfBirth: '2011-05-01', municipality: 'Velsen' },
    region: 'IJmond',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.case.id;
}

async function monitor(): Promise<MonitorView> {
  const res = await h.api<{ monitor: MonitorView }>(gemeente, 'GET', '/api/monitor');
  expect(res.status).toBe(200);
  return res.body.monitor;
}

beforeAll(async () => {
  h = await startCaseServer();
  registrant = await h.user({ role: 'lokaal-team', organisation: 'Sociaal team Velsen' });
  gemeente = await h.user({ role: 'gemeente', organisation: 'Gemeente Velsen' });
  await h.db
    .updateTable('users')
    .set({ region: 'IJmond', municipality: 'Velsen' } as never)
    .where('id', '=', gemeente.id)
    .execute();
  // Six cases: five registered by the local team, one by the GI — so "gi" alone would be 6 − 5 = 1.
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    ids.push(
      await registerCase(i, {
        registeredBy: 'lokaal-team',
        problemCategories: ['schoolverzuim'],
        attendsSchool: false,
      }),
    );
  }
  ids.push(await registerCase(5, { registeredBy: 'gi', problemCategories: ['schoolverzuim'], attendsSchool: true }));
  // A stored free-text category naming the child, as written before the list was fixed.
  await caseDb(h.db)
    .updateTable('cases')
    .set({ problem_categories: JSON.stringify([`${NAME} (zusje van Sem)`, 'schoolverzuim']) })
    .where('id', '=', ids[0] as string)
    .execute();
});
afterAll(async () => {
  await h?.close();
});

describe('the monitor names no child', () => {
  it('never echoes a free-text category; only the fixed list are labels, the rest is "overig"', async () => {
    const m = await monitor();
    const text = JSON.stringify(m);
    expect(text).not.toContain('Noor');
    expect(text).not.toContain('Jansen');
    expect(text).not.toContain('Sem');
    const problems = m.tables.find((t) => t.id === 'problemen') as MonitorTable;
    for (const label of problems.rowLabels) expect(Object.values(PROBLEM_CATEGORY_LABELS)).toContain(label);
    expect(problems.rowTotals[problems.rows.indexOf('schoolverzuim')]).toBe(6);
    expect(['<5', 'hidden']).toContain(problems.rowTotals[problems.rows.indexOf('overig')]);
  });

  it('refuses a category outside the fixed list when a case is registered', async () => {
    const res = await h.api(registrant, 'POST', '/api/cases', {
      youngPerson: { name: 'Kind x', dateOfBirth: '2011-05-01', municipality: 'Velsen' },
      region: 'IJmond',
      problemCategories: [NAME],
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/problemCategories/);
  });

  it('no "<5" can be recomputed from the totals and the other cells, in any table', async () => {
    const m = await monitor();
    const registrants = m.tables.find((t) => t.id === 'aanmelders') as MonitorTable;
    // Six cases: 5 + 1; the total stays and the single GI case stays '<5' — figures elsewhere are hidden.
    expect(registrants.grandTotal).toBe(6);
    expect(registrants.rowTotals[registrants.rows.indexOf('gi')]).toBe('<5');
    expect([...derivedSmallCounts(attackOf(new Map([['M:velsen', m.tables]])))]).toEqual([]);
  });
});
