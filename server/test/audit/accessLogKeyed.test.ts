/**
 * Someone who can write the database but holds neither the key nor the anchor file cannot rewrite the
 * access log unnoticed: the chain is an HMAC under a key kept outside the database, rows written before
 * the key existed still verify, a rewritten row whose whole tail is recomputed with the old unkeyed hash
 * is found at that row, and removing the newest entries is found through the anchor file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLogCommand } from '../../src/admin/commands/verifyLog.js';
import type { AppDb } from '../../src/db/database.js';
import type { AccessLogTable } from '../../src/db/schema.js';
import { type CaseHarness, START, startCaseServer } from '../cases/support.js';
import { describeWithServices } from '../support/services.js';
import { postgresCaseServerWithTraffic, someTraffic } from './support.js';

async function runVerify(h: CaseHarness) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyLogCommand({ config: h.services.config, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

/** The hash of the first, unkeyed chain: public, so anyone can recompute it. */
function unkeyedHash(r: Omit<AccessLogTable, 'seq' | 'hash' | 'case_ids'>): string {
  const canonical = JSON.stringify([
    r.at,
    r.event,
    r.case_id,
    r.user_id,
    r.user_name,
    r.user_role,
    r.responsible,
    r.source,
    r.outcome,
    r.detail,
    r.prev_hash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

async function rows(db: AppDb) {
  const all = await db.selectFrom('access_log').selectAll().orderBy('seq').execute();
  return all.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The attack: edit entry `seq`, then recompute the unkeyed chain from there to the head. */
async function rewriteFrom(db: AppDb, seq: number, edit: Partial<AccessLogTable>): Promise<void> {
  const all = await rows(db);
  let prev = all.find((r) => r.seq === seq - 1)?.hash ?? '0'.repeat(64);
  for (const r of all.filter((x) => x.seq >= seq)) {
    const { seq: s, hash: _h, ...rest } = r;
    const next = { ...rest, ...(s === seq ? edit : {}), prev_hash: prev };
    const hash = unkeyedHash(next);
    await sql`UPDATE access_log SET user_name = ${next.user_name}, detail = ${next.detail},
              prev_hash = ${next.prev_hash}, hash = ${hash} WHERE seq = ${s}`.execute(db);
    prev = hash;
  }
}

describe('keyed access log on SQLite', () => {
  let h: CaseHarness;
  beforeAll(async () => {
    h = await startCaseServer();
    await someTraffic(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a row rewritten with its whole tail recomputed without the key is found at that row', async () => {
    expect((await runVerify(h)).code).toBe(0);
    await sql`DROP TRIGGER access_log_no_update`.execute(h.db);
    await rewriteFrom(h.db, 3, { user_name: 'Iemand Anders' });
    expect(await runVerify(h)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^access log TAMPERED at entry 3:/),
    });
  });
});

describe('keyed access log on SQLite: anchors', () => {
  let h: CaseHarness;
  beforeAll(async () => {
    h = await startCaseServer();
    await someTraffic(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('writes the head to an anchor file outside the database (0600, one line per anchor)', async () => {
    const anchor = await h.services.accessLog.anchorHead();
    const head = (await rows(h.db)).at(-1);
    expect(anchor).toMatchObject({ seq: head?.seq, mac: head?.hash });
    const file = h.services.accessLog.anchorFile;
    expect(file).not.toBeNull();
    expect(fs.statSync(file as string).mode & 0o777).toBe(0o600);
    const lines = fs
      .readFileSync(file as string, 'utf8')
      .trim()
      .split('\n');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ seq: head?.seq, mac: head?.hash });
  });

  it('a removed tail is found through the anchor: the first missing entry is named', async () => {
    const head = (await rows(h.db)).at(-1)?.seq as number;
    await sql`DROP TRIGGER access_log_no_delete`.execute(h.db);
    await sql`DELETE FROM access_log WHERE seq >= ${head - 1}`.execute(h.db);
    const result = await runVerify(h);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^access log TAMPERED at entry ${head - 1}: .*anchor`));
  });
});

describe('keyed access log on SQLite: a database from before the key', () => {
  let h: CaseHarness;
  beforeAll(async () => {
    h = await startCaseServer();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('old unkeyed rows still verify, new rows are keyed, and a keyed row cannot be downgraded', async () => {
    // Three rows as the earlier version wrote them (the migration from then is the same table).
    await sql`DROP TRIGGER access_log_no_update`.execute(h.db);
    await sql`DROP TRIGGER access_log_no_delete`.execute(h.db);
    await sql`DELETE FROM access_log`.execute(h.db);
    let prev = '0'.repeat(64);
    for (let i = 1; i <= 3; i += 1) {
      const row = {
        at: START,
        event: 'read',
        case_id: null,
        user_id: `u${i}`,
        user_name: `Oud ${i}`,
        user_role: 'client',
        responsible: null,
        source: '127.0.0.1 http',
        outcome: 'success',
        detail: 'GET /api/cases',
        prev_hash: prev,
      };
      prev = unkeyedHash(row);
      await h.db
        .insertInto('access_log')
        .values({ ...row, hash: prev })
        .execute();
    }
    await someTraffic(h);
    const all = await rows(h.db);
    expect(all.length).toBeGreaterThan(5);
    expect(all.slice(0, 3).every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(all.slice(3).every((r) => !/^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(await runVerify(h)).toMatchObject({ code: 0, err: '' });
    // Turning the keyed part back into the old, recomputable kind is refused at its first row.
    const firstKeyed = all[3]?.seq as number;
    await h.services.accessLog.anchorHead();
    await rewriteFrom(h.db, firstKeyed, { detail: 'GET /api/cases' });
    expect(await runVerify(h)).toMatchObject({
      code: 1,
      err: expect.stringMatching(new RegExp(`^access log TAMPERED at entry ${firstKeyed}:`)),
    });
  });
});

await describeWithServices('keyed access log on Postgres', { postgres: true }, () => {
  const server = postgresCaseServerWithTraffic('auditkey');

  it('a rewritten row is found, and a removed tail is found through the anchor', async () => {
    const h = server();
    expect((await runVerify(h)).code).toBe(0);
    await h.services.accessLog.anchorHead();
    await sql`DROP TRIGGER access_log_no_change ON access_log`.execute(h.db);
    await rewriteFrom(h.db, 4, { user_name: 'Iemand Anders' });
    expect((await runVerify(h)).err).toMatch(/^access log TAMPERED at entry 4:/);
  });
});

await describeWithServices('keyed access log on Postgres: tail', { postgres: true }, () => {
  const server = postgresCaseServerWithTraffic('auditkey');

  it('a removed tail is found through the anchor', async () => {
    const h = server();
    await h.services.accessLog.anchorHead();
    const head = (await rows(h.db)).at(-1)?.seq as number;
    await sql`DROP TRIGGER access_log_no_change ON access_log`.execute(h.db);
    await sql`DELETE FROM access_log WHERE seq = ${head}`.execute(h.db);
    expect((await runVerify(h)).err).toMatch(new RegExp(`^access log TAMPERED at entry ${head}: .*anchor`));
  });
});

describe('keyed access log: the key and the shutdown anchor', () => {
  it('anchors the head when the server stops, and verify with another key reports the first keyed entry', async () => {
    const h = await startCaseServer({ auditAnchorIntervalMs: 0 });
    await someTraffic(h);
    const head = (await rows(h.db)).at(-1)?.seq as number;
    const file = h.services.accessLog.anchorFile as string;
    expect(fs.existsSync(file)).toBe(false);
    await h.close();
    const last = JSON.parse(fs.readFileSync(file, 'utf8').trim().split('\n').at(-1) as string);
    expect(last.seq).toBeGreaterThanOrEqual(head);
    expect(last.keyedFrom).toBe(1);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await verifyLogCommand({ config: h.services.config, ...io })).toBe(0);
    const otherKey = { ...h.services.config, auditKey: 'another-audit-key-that-is-long-enough-42' };
    expect(await verifyLogCommand({ config: otherKey, ...io })).toBe(1);
    expect(err.join('')).toMatch(/^access log TAMPERED at entry 1: .*audit key/);
  });
});
