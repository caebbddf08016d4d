/**
 * The access log is append-only in the database (triggers) and hash-chained (verify / verify-log):
 * with the triggers in place UPDATE and DELETE are refused; with a trigger dropped, an altered or
 * removed entry is found by the walk, also when the altered entry's own hash was recomputed.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLogCommand } from '../../src/admin/commands/verifyLog.js';
import type { AppDb } from '../../src/db/database.js';
import { type CaseHarness, startCaseServer } from '../cases/support.js';
import { describeWithServices } from '../support/services.js';
import { postgresCaseServerWithTraffic, someTraffic } from './support.js';

async function runVerify(h: CaseHarness) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyLogCommand({ config: h.services.config, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

async function count(db: AppDb): Promise<number> {
  const row = await db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('access log on SQLite', () => {
  let h: CaseHarness;
  beforeAll(async () => {
    h = await startCaseServer();
    await someTraffic(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('verify-log reports an intact chain with its length (exit 0)', async () => {
    const n = await count(h.db);
    expect(n).toBeGreaterThan(5);
    expect(await runVerify(h)).toEqual({
      code: 0,
      out: `access log intact: ${n} entries (${n} keyed), 0 anchors matched\nno anchors in ${h.services.accessLog.anchorFile}: removal of the newest entries cannot be seen\n`,
      err: '',
    });
  });

  it('the triggers refuse UPDATE and DELETE', async () => {
    await expect(sql`UPDATE access_log SET detail = 'x' WHERE seq = 2`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM access_log WHERE seq = 2`.execute(h.db)).rejects.toThrow(/append-only/);
    expect((await runVerify(h)).code).toBe(0);
  });

  it('finds an altered entry once the update trigger is dropped (exit 1, names the entry)', async () => {
    await sql`DROP TRIGGER access_log_no_update`.execute(h.db);
    await sql`UPDATE access_log SET user_name = 'Iemand Anders' WHERE seq = 3`.execute(h.db);
    expect(await runVerify(h)).toEqual({
      code: 1,
      out: '',
      err: 'access log TAMPERED at entry 3: entry was altered (or the audit key is not the one it was written with)\n',
    });
  });

  it('finds an entry whose hash was recomputed after the edit without the key', async () => {
    // Recompute entry 3's hash the old, unkeyed way (the keyed one needs the key, outside the database)…
    const row = await h.db.selectFrom('access_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const canonical = JSON.stringify([
      row.at,
      row.event,
      row.case_id,
      row.user_id,
      row.user_name,
      row.user_role,
      row.responsible,
      row.source,
      row.outcome,
      row.detail,
      row.prev_hash,
    ]);
    const forged = crypto.createHash('sha256').update(canonical).digest('hex');
    await sql`UPDATE access_log SET hash = ${forged} WHERE seq = 3`.execute(h.db);
    // …which is not accepted once the keyed chain began (entry 1 is keyed).
    expect((await runVerify(h)).err).toBe(
      'access log TAMPERED at entry 3: entry is not keyed, but the keyed chain began at entry 1\n',
    );
  });
});

describe('access log on SQLite: a removed entry', () => {
  let h: CaseHarness;
  beforeAll(async () => {
    h = await startCaseServer();
    await someTraffic(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is found at the entry after the gap', async () => {
    await sql`DROP TRIGGER access_log_no_delete`.execute(h.db);
    await sql`DELETE FROM access_log WHERE seq = 5`.execute(h.db);
    const result = await runVerify(h);
    expect(result.code).toBe(1);
    expect(result.err).toBe('access log TAMPERED at entry 6: link to the previous entry is broken\n');
  });
});

await describeWithServices('access log on Postgres', { postgres: true }, () => {
  const server = postgresCaseServerWithTraffic('cases');

  it('runs the case routes, keeps the chain, refuses changes, and finds tampering', async () => {
    const h = server();
    const n = await count(h.db);
    expect(n).toBeGreaterThan(5);
    expect((await runVerify(h)).out).toMatch(new RegExp(`^access log intact: ${n} entries \\(${n} keyed\\)`));
    await expect(sql`UPDATE access_log SET detail = 'x' WHERE seq = 2`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM access_log WHERE seq = 2`.execute(h.db)).rejects.toThrow(/append-only/);
    await sql`DROP TRIGGER access_log_no_change ON access_log`.execute(h.db);
    await sql`UPDATE access_log SET outcome = 'denied' WHERE seq = 2`.execute(h.db);
    expect(await runVerify(h)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^access log TAMPERED at entry 2: entry was altered/),
    });
  });
});
