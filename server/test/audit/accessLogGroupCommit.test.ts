/**
 * Access-log group commit (issue 16, part 2), against the real server on SQLite and on Postgres:
 *  - many concurrent reads share transactions (fewer commits than entries, counted by AccessLog.stats),
 *    and every response still has its entry;
 *  - a list page writes one entry listing its cases (case_ids, sealed by the chain), and each young
 *    person's view of the log still finds it;
 *  - fail closed: when the entry cannot be committed (the database refuses the insert) the read answers
 *    503 access_log_unavailable in Dutch and carries no case data; once repaired, reads work again;
 *  - verify-log still finds the chain intact, and finds an altered case list.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLogCommand } from '../../src/admin/commands/verifyLog.js';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  lastSeq,
  logSince,
  START,
  startCaseServer,
} from '../cases/support.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName } from '../support/services.js';

async function runVerify(h: CaseHarness) {
  const out: string[] = [];
  const code = await verifyLogCommand({ config: h.services.config, out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('') };
}

interface Dialect {
  start(): Promise<CaseHarness>;
  stop(h: CaseHarness | undefined): Promise<void>;
  breakLog(h: CaseHarness): Promise<void>;
  repairLog(h: CaseHarness): Promise<void>;
}

function suite(d: Dialect, tamper: boolean) {
  let h: CaseHarness;
  let one: CaseTeam;
  let two: CaseTeam;
  beforeAll(async () => {
    h = await d.start();
    one = await caseWithTeam(h, bornYearsAgo(START, 15));
    two = await caseWithTeam(h, bornYearsAgo(START, 14), 'Sem de Vries');
    // The first case's provider also works on the second: their case list shows both.
    const added = await h.api(two.regisseur, 'POST', `/api/cases/${two.caseId}/participants`, {
      userId: one.provider.id,
      role: 'jeugdhulpaanbieder',
    });
    expect(added.status).toBe(201);
  });
  afterAll(async () => {
    await d.stop(h);
  });

  it('a case list is one entry listing its cases, found from each case', async () => {
    const before = await lastSeq(h.db);
    const list = await h.api<{ cases: { id: string }[] }>(one.provider, 'GET', '/api/cases');
    expect(list.status).toBe(200);
    expect(list.body.cases.map((c) => c.id).sort()).toEqual([one.caseId, two.caseId].sort());
    const entries = (await logSince(h.db, before)).filter((e) => e.user_id === one.provider.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ event: 'search', case_id: null });
    expect(JSON.parse(entries[0]!.case_ids!).sort()).toEqual([one.caseId, two.caseId].sort());
    for (const team of [one, two]) {
      const view = await h.api<{ entries: { name: string; event: string }[] }>(
        team.youngPerson,
        'GET',
        `/api/cases/${team.caseId}/access-log`,
      );
      expect(view.status).toBe(200);
      expect(view.body.entries).toContainEqual(expect.objectContaining({ name: 'Pien Provider', event: 'search' }));
      expect((await h.services.accessLog.forCase(team.caseId)).some((e) => e.seq === entries[0]!.seq)).toBe(true);
    }
  });

  it('concurrent reads share group commits, each with its own entry', async () => {
    const n = 40;
    const stats = { ...h.services.accessLog.stats };
    const before = await lastSeq(h.db);
    const answers = await Promise.all(
      Array.from({ length: n }, () => h.api(one.provider, 'GET', `/api/cases/${one.caseId}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(n).fill(200));
    const reads = (await logSince(h.db, before)).filter(
      (e) => e.user_id === one.provider.id && e.case_id === one.caseId,
    );
    expect(reads).toHaveLength(n);
    const commits = h.services.accessLog.stats.commits - stats.commits;
    expect(h.services.accessLog.stats.entries - stats.entries).toBeGreaterThanOrEqual(n);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(n);
  });

  it('fails closed: no durable entry, no data (503 access_log_unavailable, Dutch)', async () => {
    await d.breakLog(h);
    try {
      const failedBefore = h.services.accessLog.stats.failedCommits;
      for (const path of [`/api/cases/${one.caseId}`, '/api/cases', `/api/cases/${one.caseId}/access-log`]) {
        const r = await h.api(one.provider, 'GET', path);
        expect(r.status, path).toBe(503);
        expect(Object.keys(r.body)).toEqual(['error']);
        expect(r.body.error).toMatchObject({ id: 'access_log_unavailable' });
        expect((r.body.error as unknown as { text: string }).text).toMatch(/toegangslog/);
        expect(JSON.stringify(r.body)).not.toContain('Noor');
      }
      expect(h.services.accessLog.stats.failedCommits).toBeGreaterThan(failedBefore);
    } finally {
      await d.repairLog(h);
    }
    expect((await h.api(one.provider, 'GET', `/api/cases/${one.caseId}`)).status).toBe(200);
  });

  it('verify-log finds the chain intact, case lists included', async () => {
    const v = await runVerify(h);
    expect(v.out).toMatch(/^access log intact/);
    expect(v.code).toBe(0);
  });

  if (tamper) {
    it('verify-log finds a changed case list (the chain covers it)', async () => {
      const row = await h.db
        .selectFrom('access_log')
        .select('seq')
        .where('case_ids', 'is not', null)
        .executeTakeFirstOrThrow();
      await sql`DROP TRIGGER access_log_no_update`.execute(h.db);
      await sql`UPDATE access_log SET case_ids = ${JSON.stringify([one.caseId])} WHERE seq = ${row.seq}`.execute(h.db);
      const v = await runVerify(h);
      expect(v.code).toBe(1);
      expect(v.out).toContain(`${row.seq}`);
    });
  }
}

describe('access-log group commit on SQLite', () => {
  suite(
    {
      start: () => startCaseServer(),
      stop: async (h) => h?.close(),
      breakLog: async (h) => {
        await sql`CREATE TRIGGER test_access_log_down BEFORE INSERT ON access_log
                  BEGIN SELECT RAISE(ABORT, 'access log unavailable (test)'); END`.execute(h.db);
      },
      repairLog: async (h) => {
        await sql`DROP TRIGGER IF EXISTS test_access_log_down`.execute(h.db);
      },
    },
    true,
  );
});

await describeWithServices('access-log group commit on Postgres', { postgres: true }, () => {
  const schema = freshSchemaName('alog');
  suite(
    {
      start: () => startCaseServer({ databaseUrl: DATABASE_URL, databaseSchema: schema }),
      stop: async (h) => {
        await h?.close();
        await dropSchema(schema);
      },
      // NOT VALID: the rows already there are not checked, every new one is refused.
      breakLog: async (h) => {
        await sql`ALTER TABLE access_log ADD CONSTRAINT test_access_log_down CHECK (false) NOT VALID`.execute(h.db);
      },
      repairLog: async (h) => {
        await sql`ALTER TABLE access_log DROP CONSTRAINT IF EXISTS test_access_log_down`.execute(h.db);
      },
    },
    false,
  );
});
