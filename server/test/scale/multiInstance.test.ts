/**
 * Two server processes on one Redis and one Postgres: clients on different instances co-edit a document
 * and converge; then one instance is SIGKILLed mid-edit, its clients move to the other instance, and
 * every update the server had reported saved is still there (as is every other edit).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from '../../src/storage/postgresStore.js';
import {
  Editor,
  editContinuously,
  missingMarks,
  readThrough,
  sameStateVector,
  waitConverged,
} from '../support/coEditing.js';
import { assertBuilt, type Instance, killAllInstances, startInstance } from '../support/instances.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName, REDIS_URL } from '../support/services.js';
import { tokenFor } from '../support/tokens.js';
import { sleep, waitFor } from '../support/trackedClient.js';

const schema = freshSchemaName('scale');
const editors: Editor[] = [];
let a: Instance;
let b: Instance;

function newDoc(): string {
  return `scale-${randomBytes(6).toString('hex')}`;
}

async function editor(name: string, instance: Instance, docId: string): Promise<Editor> {
  const e = new Editor(name, instance.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: name, name }));
  editors.push(e);
  await waitFor(() => e.client.provider.synced, 10_000, `${name} synced`);
  return e;
}

async function storedText(docId: string): Promise<string> {
  const store = await PostgresStore.open(DATABASE_URL, { schema });
  try {
    const loaded = await store.load(docId);
    const doc = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const e of loaded.tail) Y.applyUpdate(doc, e.update);
    return doc.getText('t').toString();
  } finally {
    await store.close();
  }
}

await describeWithServices('two instances on Redis and Postgres', { redis: true, postgres: true }, () => {
  beforeAll(async () => {
    assertBuilt();
    const common = { databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL };
    // One after the other: both would run the schema migration otherwise (safe, but slower to start).
    a = await startInstance({ name: 'a', ...common });
    b = await startInstance({ name: 'b', ...common });
  });

  afterAll(async () => {
    for (const e of editors) e.destroy();
    await killAllInstances();
    await dropSchema(schema).catch(() => {});
  });

  it('clients on different instances co-edit one document and converge', async () => {
    const docId = newDoc();
    const [c1, c2] = [await editor('c1', a, docId), await editor('c2', b, docId)];
    for (let i = 0; i < 40; i++) {
      c1.edit();
      c2.edit();
      if (i % 5 === 0) await sleep(10);
    }
    await waitConverged([c1, c2]);
    expect(missingMarks(c1.text, [...c1.marks, ...c2.marks])).toEqual([]);
    expect(sameStateVector(c1.doc, c2.doc)).toBe(true);
    // What each instance serves to a newcomer is the same document.
    const [viaA, viaB] = [await readThrough(a.wsUrl, docId, c1.token), await readThrough(b.wsUrl, docId, c1.token)];
    expect(viaA.getText('t').toString()).toBe(c1.text);
    expect(sameStateVector(viaA, viaB)).toBe(true);
    for (const r of await Promise.all([a.readyz(), b.readyz()])) {
      expect(r).toMatchObject({ status: 200, body: { status: 'ready', checks: { store: 'ok', redis: 'ok' } } });
    }
  });

  it('presence crosses instances: a cursor set on one is seen on the other, and removed when its client leaves', async () => {
    const docId = newDoc();
    const onA = await editor('Anna', a, docId);
    const onB = await editor('Bram', b, docId);
    onA.client.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    onB.client.provider.awareness.setLocalStateField('user', { name: 'Bram' });
    const seen = (from: Editor, by: Editor, name: string) =>
      by.client.provider.awareness.getStates().get(from.client.doc.clientID)?.user?.name === name;
    await waitFor(() => seen(onA, onB, 'Anna') && seen(onB, onA, 'Bram'), 5000, 'presence across instances');
    onA.client.destroy();
    await waitFor(
      () => !onB.client.provider.awareness.getStates().has(onA.client.doc.clientID),
      5000,
      'Anna gone on b',
    );
  });

  it('SIGKILL of one instance mid-edit: its clients move over and nothing reported saved is lost', async () => {
    const docId = newDoc();
    const onA = [await editor('a1', a, docId), await editor('a2', a, docId)];
    const onB = [await editor('b1', b, docId)];
    const all = [...onA, ...onB];
    const editing = editContinuously(all, 25);
    try {
      await sleep(1500);
      await a.kill('SIGKILL');
      const confirmedAtKill = new Set(onA.flatMap((e) => [...e.confirmed]));
      const madeAtKill = onA.flatMap((e) => [...e.marks]);
      expect(b.alive).toBe(true);
      await sleep(200); // a's clients notice and keep editing offline
      for (const e of onA) e.moveTo(b.wsUrl);
      await sleep(1000);
      editing.stop();
      await waitConverged(all, 20_000);

      const everyMark = all.flatMap((e) => e.marks);
      const confirmed = new Set(all.flatMap((e) => [...e.confirmed]));
      const served = (await readThrough(b.wsUrl, docId, onB[0]!.token)).getText('t').toString();
      const stored = await storedText(docId);
      console.log(
        `[kill test] edits made: ${everyMark.length}; by a's clients before the kill: ${madeAtKill.length}, ` +
          `of which reported saved at the kill: ${confirmedAtKill.size} (unconfirmed: ${madeAtKill.length - confirmedAtKill.size}); ` +
          `reported saved overall: ${confirmed.size}; ` +
          `missing after recovery — served by b: ${missingMarks(served, everyMark).length}, ` +
          `in Postgres: ${missingMarks(stored, everyMark).length}`,
      );
      expect(confirmedAtKill.size).toBeGreaterThan(0);
      expect(missingMarks(served, confirmedAtKill)).toEqual([]);
      expect(missingMarks(stored, confirmedAtKill)).toEqual([]);
      expect(missingMarks(stored, confirmed)).toEqual([]);
      // Unconfirmed edits were still in the clients' documents and were re-sent to b.
      expect(missingMarks(served, everyMark)).toEqual([]);
      expect(missingMarks(stored, everyMark)).toEqual([]);
    } finally {
      editing.stop();
    }
  });
});
