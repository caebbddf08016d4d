/**
 * Client-id ownership holds across instances: a claim made on one instance reaches the other with the
 * update (Redis stream) or from the shared store, so a second instance refuses the same id to anyone else
 * and lets its owner go on writing when the owner moves over.
 */
import { randomBytes } from 'node:crypto';
import { MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from '../../src/storage/postgresStore.js';
import { craftAs } from '../support/craftUpdates.js';
import { RawCollabSocket, syncFrame } from '../support/rawCollabSocket.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName, REDIS_URL } from '../support/services.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

type Started = Awaited<ReturnType<typeof startTestServer>>;
const schema = freshSchemaName('owners');
const servers: Started[] = [];
const cleanup: Array<() => void> = [];

async function reasonsAfterAttack(server: Started, docId: string, victim: Y.Doc, base: Y.Doc): Promise<string[]> {
  const raw = new RawCollabSocket(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: 'mallory' }));
  cleanup.push(() => raw.close());
  await raw.ready();
  raw.send(
    syncFrame(
      SyncStep.Update,
      craftAs(victim.clientID, base, (d) => d.getText('t').insert(0, 'M')),
    ),
  );
  const answers = () => raw.ofType(MessageType.Saved).length + raw.ofType(MessageType.Rejected).length;
  await waitFor(() => answers() > 0, 5000, 'answer');
  return raw.ofType(MessageType.Rejected).map((d) => {
    decoding.readVarUint(d);
    return decoding.readVarString(d);
  });
}

await describeWithServices('client-id ownership across instances', { redis: true, postgres: true }, () => {
  let a: Started;
  let b: Started;
  beforeAll(async () => {
    for (const id of ['own-a', 'own-b']) {
      const store = await PostgresStore.open(DATABASE_URL, { schema });
      servers.push(await startTestServer({ redisUrl: REDIS_URL, instanceId: id }, { store }));
    }
    [a, b] = servers as [Started, Started];
  });
  afterAll(async () => {
    for (const c of cleanup) c();
    for (const s of servers) await s.close();
    await dropSchema(schema).catch(() => {});
  });

  it('a claim made on A is refused to someone else on B, live and after B loads the document fresh', async () => {
    const docId = `owners-${randomBytes(5).toString('hex')}`;
    // B has the document loaded before the claim is made: the claim must reach it with the update.
    const watcher = new TrackedClient(b.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: 'watcher' }));
    cleanup.push(() => watcher.destroy());
    await waitFor(() => watcher.provider.synced, 5000, 'watcher synced');

    const owner = new TrackedClient(a.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: 'alice' }));
    cleanup.push(() => owner.destroy());
    await waitFor(() => owner.provider.synced, 5000, 'owner synced');
    owner.edit('1', (d) => d.getText('t').insert(0, 'van alice'));
    await waitFor(() => owner.allSaved && watcher.doc.getText('t').toString() === 'van alice', 5000, 'relayed');

    const onB = b.collab.loadedDocument(docId) as Y.Doc;
    expect(await reasonsAfterAttack(b, docId, owner.doc, onB)).toEqual([RejectReason.ForeignClient]);

    // The owner moves to B with the same document and goes on writing under its own id.
    owner.provider.disconnect();
    owner.edit('2', (d) => d.getText('t').insert(0, 'nog '));
    const moved = new TrackedClient(b.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: 'alice' }), {
      doc: owner.doc,
    });
    cleanup.push(() => moved.destroy());
    await waitFor(() => moved.allSaved, 5000, 'saved on B');
    expect(moved.rejections).toEqual([]);
    expect(onB.getText('t').toString()).toBe('nog van alice');
  });

  it('an instance that loads the document after the claim reads it from the store', async () => {
    const docId = `owners-${randomBytes(5).toString('hex')}`;
    const owner = new TrackedClient(a.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: 'alice' }));
    cleanup.push(() => owner.destroy());
    await waitFor(() => owner.provider.synced, 5000, 'owner synced');
    owner.edit('1', (d) => d.getText('t').insert(0, 'van alice'));
    await waitFor(() => owner.allSaved, 5000, 'saved');
    expect(b.collab.loadedDocument(docId)).toBeUndefined();
    const base = new Y.Doc();
    Y.applyUpdate(base, Y.encodeStateAsUpdate(owner.doc));
    expect(await reasonsAfterAttack(b, docId, owner.doc, base)).toEqual([RejectReason.ForeignClient]);
  });
});
