/**
 * The monitor over HTTP with a generated region (issue 17): who sees what (the RET chair and the BEN-NH
 * adviser their region, a municipality only itself, everyone else nothing), the CSV and PDF downloads,
 * and the attack on everything the server actually publishes (region + every municipality together).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorTable, MonitorView } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITIES, generateDemoRegion } from '../../src/admin/commands/demoRegion.js';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import { type CaseHarness, startCaseServer, type TestUser } from '../cases/support.js';
import { attackOf, derivedSmallCounts } from '../support/monitorAttack.js';

let h: CaseHarness;
const as: Record<string, TestUser> = {};

async function setUser(u: TestUser, fields: { region?: string | null; municipality?: string | null }) {
  await h.db
    .updateTable('users')
    .set(fields as never)
    .where('id', '=', u.id)
    .execute();
}

async function monitor(
  u: TestUser | null,
  query = '',
): Promise<{ status: number; monitor: MonitorView; body: unknown }> {
  const res = await h.api<{ monitor: MonitorView }>(u, 'GET', `/api/monitor${query}`);
  return { status: res.status, monitor: res.body.monitor, body: res.body };
}

beforeAll(async () => {
  h = await startCaseServer();
  const summary = await generateDemoRegion(h.db, {
    cases: 220,
    seed: 5,
    now: h.now(),
    regions: ['West-Friesland', 'IJmond'],
  });
  expect(summary.cases).toBe(220);
  as.chair = await h.user({ role: 'procesregisseur', organisation: 'RET West-Friesland' });
  await setUser(as.chair, { region: 'West-Friesland' });
  as.ben = await h.user({ role: 'ben-adviseur', organisation: 'BEN-NH' });
  await setUser(as.ben, { region: 'West-Friesland' });
  as.noRegion = await h.user({ role: 'procesregisseur', organisation: 'RET ?' });
  for (const m of DEMO_MUNICIPALITIES['West-Friesland']) {
    as[m] = await h.user({ role: 'gemeente', organisation: `Gemeente ${m}` });
    await setUser(as[m] as TestUser, { region: 'West-Friesland', municipality: m });
  }
  as.gemeenteZonder = await h.user({ role: 'gemeente', organisation: 'Gemeente ?' });
  as.provider = await h.user({ role: 'jeugdhulpaanbieder' });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('who sees which monitor', () => {
  it('the RET chair sees their region, with every breakdown of the RET monitor', async () => {
    const { status, monitor: m } = await monitor(as.chair as TestUser);
    expect(status).toBe(200);
    expect(m.scope).toEqual({ kind: 'regio', region: 'West-Friesland', municipality: null });
    expect(m.tables.map((t) => t.id)).toEqual([
      'aanmelders',
      'vraag',
      'problemen',
      'school',
      'analyse',
      'escalatie',
      'maatregel',
      'toezeggingen',
      'plaatsingen',
    ]);
    const cases = await h.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region', '=', 'West-Friesland')
      .executeTakeFirstOrThrow();
    // Real numbers: the generated region shows most figures; a shown total is the true one.
    const registrants = m.tables[0] as MonitorTable;
    const total = registrants.grandTotal;
    expect(total).toBe(Number(cases.n));
    const numbers = m.tables.flatMap((t) => t.cells.flat()).filter((v) => typeof v === 'number' && v >= 5);
    expect(numbers.length).toBeGreaterThan(10);
  });

  it('the BEN-NH adviser sees the region too, but not another region', async () => {
    expect((await monitor(as.ben as TestUser)).status).toBe(200);
    const other = await monitor(as.ben as TestUser, '?region=IJmond');
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).toContain('monitor_scope_forbidden');
    expect((await monitor(as.chair as TestUser, '?region=West-Friesland')).status).toBe(200);
  });

  it('a municipality sees only itself; asking for another municipality is refused', async () => {
    const own = await monitor(as.Hoorn as TestUser);
    expect(own.status).toBe(200);
    expect(own.monitor.scope).toEqual({ kind: 'gemeente', region: 'West-Friesland', municipality: 'Hoorn' });
    expect((await monitor(as.Hoorn as TestUser, '?municipality=hoorn')).status).toBe(200);
    const other = await monitor(as.Hoorn as TestUser, '?municipality=Enkhuizen');
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).toContain('monitor_scope_forbidden');
    expect((await monitor(as.Hoorn as TestUser, '?region=West-Friesland')).status).toBe(403);
    // The refusal is in the access log.
    const denied = await h.db
      .selectFrom('access_log')
      .select('detail')
      .where('outcome', '=', 'denied')
      .where('detail', 'like', '%monitor%')
      .execute();
    expect(denied.some((d) => d.detail.includes('another municipality'))).toBe(true);
  });

  it('accounts without a region or municipality, other roles and anonymous callers are refused', async () => {
    expect(JSON.stringify((await monitor(as.noRegion as TestUser)).body)).toContain('no_region');
    const zonder = await monitor(as.gemeenteZonder as TestUser);
    expect(zonder.status).toBe(403);
    expect(JSON.stringify(zonder.body)).toContain('no_municipality');
    expect((await monitor(as.provider as TestUser)).status).toBe(403);
    expect((await monitor(null)).status).toBe(401);
    expect((await h.api(as.provider as TestUser, 'GET', '/api/monitor.csv')).status).toBe(403);
  });
});

describe('what the server publishes cannot be attacked', () => {
  it('region and every municipality together: no count 1–4 can be derived', async () => {
    const pubs = new Map<string, MonitorTable[]>();
    pubs.set('R', (await monitor(as.chair as TestUser)).monitor.tables);
    for (const m of DEMO_MUNICIPALITIES['West-Friesland'])
      pubs.set(`M:${m.toLowerCase()}`, (await monitor(as[m] as TestUser)).monitor.tables);
    expect([...derivedSmallCounts(attackOf(pubs))]).toEqual([]);
  });
});

describe('downloads', () => {
  it('CSV for Dutch Excel: BOM, semicolons, Dutch headers, "<5" and "x", no names', async () => {
    const res = await fetchBinary(as.chair as TestUser, '/api/monitor.csv');
    expect(res.status).toBe(200);
    const text = res.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Tabel;Onderwerp;');
    expect(text).toContain('Aanmeldingen per aanmelder;Lokaal team;');
    expect(text).toMatch(/;(<5|x)[;\r]/);
    expect(text).not.toContain('Demo-jeugdige');
  });

  it('PDF report: a real PDF whose text carries a figure of the monitor', async () => {
    const res = await fetchBinary(as.chair as TestUser, '/api/monitor.pdf');
    expect(res.status).toBe(200);
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'monitor-pdf-'));
    writeFileSync(join(dir, 'm.pdf'), res.bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'm.pdf'), '-']).toString();
    expect(text).toContain('RET-monitor');
    expect(text).toContain('Aanmeldingen per aanmelder');
    const m = (await monitor(as.chair as TestUser)).monitor;
    const shown = (m.tables[0] as MonitorTable).columnTotals?.find((v) => typeof v === 'number');
    expect(shown).toBeDefined();
    expect(text).toContain(String(shown));
  });
});

/** GET with a session, the answer as bytes (the harness parses text). */
async function fetchBinary(u: TestUser, path: string): Promise<{ status: number; bytes: Buffer }> {
  const session = await createSession(h.db, {
    userId: u.id,
    authenticated: true,
    remoteAddress: '127.0.0.1',
    userAgent: 'vitest',
    now: h.now(),
  });
  const res = await fetch(`${h.server.url}${path}`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}
