/**
 * A destroyed case leaves nothing behind, read from the raw files: not in the SQLite databases or their
 * WAL files, not in the Postgres tables' relation files (dead tuples included), and the accounts that
 * existed only for the case are gone. What stays is the access log, which records who acted (NEN 7513)
 * — the test states that explicitly rather than hiding it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { documentId } from '@samenspraak/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment } from '../../src/comments/comments.js';
import type { Config } from '../../src/config.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName } from '../support/services.js';
import { bornYearsAgo, type CaseHarness, START, startCaseServer, type TestUser } from './support.js';

/** Words that occur nowhere but in this case's content. */
const CONTENT = ['Goudvinkgeheim', 'Ijsvogelnotitie', 'Roodborstopmerking', 'Nachtegaalreden', 'Pimpelmees'];
/** The young person's name: in the case, in her account, and (as actor) in the access log. */
const YOUNG_NAME = 'Kwartel Zilverreiger';
/** The words written before the destruction request (its reason comes with the request). */
const BEFORE = CONTENT.filter((w) => w !== 'Nachtegaalreden');

function paragraph(section: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(section).insert(0, [p]);
  return Y.encodeStateAsUpdate(doc);
}

interface Scene {
  caseId: string;
  youngPerson: TestUser;
  parent: TestUser;
  /** A parent who is also in another case: keeps the account. */
  otherParent: TestUser;
  scientist: TestUser;
}

async function scene(h: CaseHarness): Promise<Scene> {
  const regisseur = await h.user({ role: 'procesregisseur', name: 'Ria Regisseur', organisation: 'RET Alkmaar' });
  const scientist = await h.user({ role: 'gedragswetenschapper', name: 'Gert Gedrag', organisation: 'Zorg Noord' });
  const youngPerson = await h.user({ client: true, name: YOUNG_NAME });
  const parent = await h.user({ client: true, name: 'Ouder Pimpelmees' });
  const otherParent = await h.user({ client: true, name: 'Ouder Blijft' });
  const register = async (name: string) => {
    const res = await h.api<{ case: { id: string } }>(regisseur, 'POST', '/api/cases', {
      youngPerson: { name, dateOfBirth: bornYearsAgo(START, 15), municipality: 'Alkmaar' },
      region: 'Alkmaar (Noord-Kennemerland)',
      responsibleScientistId: scientist.id,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.case.id;
  };
  const caseId = await register(YOUNG_NAME);
  const sibling = await register('Broer Anders');
  for (const [c, u, role] of [
    [caseId, youngPerson, 'jeugdige'],
    [caseId, parent, 'ouder'],
    [caseId, otherParent, 'ouder'],
    [sibling, otherParent, 'ouder'],
  ] as const) {
    const added = await h.api(regisseur, 'POST', `/api/cases/${c}/participants`, { userId: u.id, role });
    if (added.status !== 201) throw new Error(JSON.stringify(added.body));
  }
  const analysis = documentId(caseId, 'analysis');
  const store = h.services.store;
  await store.append([{ docId: analysis, update: paragraph('hulpvraag_jeugdige', 'Goudvinkgeheim van mij') }]);
  // A compaction replaces rows: their old bytes were freed before the destruction ever ran.
  const loaded = await store.load(analysis);
  const doc = new Y.Doc();
  for (const u of loaded.tail) Y.applyUpdate(doc, u.update);
  await store.compact(analysis, Y.encodeStateAsUpdate(doc), loaded.tail.at(-1)?.seq ?? 0);
  await store.append([{ docId: analysis, update: paragraph('veiligheid', 'Ijsvogelnotitie over thuis') }]);
  await addComment(h.db, {
    documentId: analysis,
    caseId,
    section: 'veiligheid',
    parentId: null,
    author: { id: parent.id, name: parent.name, role: 'ouder' },
    text: 'Roodborstopmerking: het gaat beter',
    anchor: null,
    now: h.now(),
  });
  return { caseId, youngPerson, parent, otherParent, scientist };
}

async function destroy(h: CaseHarness, s: Scene): Promise<void> {
  const asked = await h.api<{ request: { id: string } }>(
    s.youngPerson,
    'POST',
    `/api/cases/${s.caseId}/destruction-requests`,
    { reason: 'Nachtegaalreden: ik wil dit niet meer' },
  );
  expect(asked.status).toBe(201);
  const decided = await h.api<{ request: { executedAt: string | null } }>(
    s.scientist,
    'POST',
    `/api/cases/${s.caseId}/destruction-requests/${asked.body.request.id}/decision`,
    { decision: 'approved' },
  );
  expect(decided.body.request.executedAt).not.toBeNull();
}

/** Every table but the access log, each row as JSON: which hold `needle`. */
async function tablesHolding(h: CaseHarness, needle: string): Promise<string[]> {
  const tables =
    h.services.dialect === 'sqlite'
      ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(h.db)).rows
      : (
          await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
                                      WHERE table_schema = current_schema()`.execute(h.db)
        ).rows;
  const holding: string[] = [];
  for (const { name } of tables) {
    if (name === 'access_log') continue;
    const rows = await sql`SELECT * FROM ${sql.table(name)}`.execute(h.db);
    const text = JSON.stringify(rows.rows, (_k, v) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    if (text.includes(needle)) holding.push(name);
  }
  return holding;
}

async function accountChecks(h: CaseHarness, s: Scene): Promise<void> {
  const users = await h.db.selectFrom('users').select('id').execute();
  const ids = new Set(users.map((u) => u.id));
  expect(ids.has(s.youngPerson.id)).toBe(false);
  expect(ids.has(s.parent.id)).toBe(false);
  expect(ids.has(s.otherParent.id)).toBe(true);
  expect(ids.has(s.scientist.id)).toBe(true);
  const sessions = await h.db.selectFrom('sessions').select('id').where('user_id', '=', s.youngPerson.id).execute();
  expect(sessions).toEqual([]);
  // The destruction of the accounts is logged, without their names.
  const log = await h.services.accessLog.forCase(s.caseId, 1000);
  const removed = log.find((e) => e.detail.includes('accounts'));
  expect(removed).toMatchObject({ event: 'delete', outcome: 'success' });
  expect(removed?.detail).not.toContain('Pimpelmees');
  expect((await h.services.accessLog.verify()).broken).toBeNull();
  for (const word of [...CONTENT, YOUNG_NAME]) expect(await tablesHolding(h, word)).toEqual([]);
  // The access log keeps who acted (NEN 7513, kept at least 5 years): the young person asked herself.
  expect(log.some((e) => e.user_name === YOUNG_NAME)).toBe(true);
}

function rawSqliteFiles(dataDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dataDir)) {
    if (/\.db(-wal|-journal|-shm)?$/.test(name)) files.set(name, fs.readFileSync(path.join(dataDir, name)));
  }
  return files;
}

describe('destruction on SQLite, read from the raw files', () => {
  let h: CaseHarness;
  let s: Scene;
  beforeAll(async () => {
    h = await startCaseServer();
    s = await scene(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('before: the words are in the files (so the check below can see them)', () => {
    const all = Buffer.concat([...rawSqliteFiles(h.services.config.dataDir).values()]);
    for (const word of BEFORE) expect(all.includes(word), word).toBe(true);
  });

  it('after: no content word in any database or WAL file; the case-only accounts are gone', async () => {
    await destroy(h, s);
    const files = rawSqliteFiles(h.services.config.dataDir);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['app.db', 'samenspraak.db']));
    for (const [name, bytes] of files) {
      for (const word of CONTENT) expect(bytes.includes(word), `${word} in ${name}`).toBe(false);
      // Outside the access log the young person's name is gone too: the case row and her account.
      if (name.startsWith('samenspraak')) expect(bytes.includes(YOUNG_NAME), `${YOUNG_NAME} in ${name}`).toBe(false);
    }
    await accountChecks(h, s);
  });
});

const schema = freshSchemaName('destroyraw');
await describeWithServices('destruction on Postgres, read from the relation files', { postgres: true }, () => {
  let h: CaseHarness;
  let s: Scene;
  const overrides: Partial<Config> = { databaseUrl: DATABASE_URL, databaseSchema: schema };
  beforeAll(async () => {
    h = await startCaseServer(overrides);
    s = await scene(h);
  });
  afterAll(async () => {
    await h?.close();
    await dropSchema(schema);
  });

  /** The bytes of every table, TOAST table and index in the schema except the access log's. */
  async function relationBytes(): Promise<Map<string, Buffer>> {
    await sql`CHECKPOINT`.execute(h.db); // dirty pages reach the files
    const rels = await sql<{ name: string; file: string | null }>`
      SELECT c.relname AS name, pg_relation_filepath(c.oid) AS file FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN (current_schema(), 'pg_toast') AND c.relkind IN ('r', 't', 'i')
        AND (n.nspname = current_schema() OR c.oid IN (
          SELECT reltoastrelid FROM pg_class t JOIN pg_namespace tn ON tn.oid = t.relnamespace
          WHERE tn.nspname = current_schema()))
        AND c.relname NOT LIKE 'access_log%'`.execute(h.db);
    const out = new Map<string, Buffer>();
    for (const r of rels.rows) {
      if (!r.file) continue;
      const read = await sql<{ b: Buffer }>`SELECT pg_read_binary_file(${r.file}) AS b`.execute(h.db);
      const bytes = read.rows[0]?.b;
      if (bytes) out.set(r.name, bytes);
    }
    return out;
  }

  it('before: the words are in the relation files', async () => {
    const all = Buffer.concat([...(await relationBytes()).values()]);
    for (const word of BEFORE) expect(all.includes(word), word).toBe(true);
  });

  it('after: no content word in any relation file (dead tuples included); the case-only accounts are gone', async () => {
    await destroy(h, s);
    for (const [name, bytes] of await relationBytes()) {
      for (const word of [...CONTENT, YOUNG_NAME]) expect(bytes.includes(word), `${word} in ${name}`).toBe(false);
    }
    await accountChecks(h, s);
  });
});
