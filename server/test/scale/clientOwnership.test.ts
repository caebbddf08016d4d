/**
 * Client-id ownership holds across instances: a claim made on one instance reaches the other with the
 * update (Redis stream) or from the shared store, so a second instance refuses the same id to anyone else
 * and lets its owner go on writing when the owner moves over.
 */
import { randomBytes } from 'node:crypto';
import { MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from '../../src/storage/postgresStore.js';
import { craftAs } from '../support/craftUpdates.js';
import { awarenessFrame, RawCollabSocket, syncFrame } from '../support/rawCollabSocket.js';
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

  it('presence cannot be taken over or removed from another instance', async () => {
    const docId = `owners-${randomBytes(5).toString('hex')}`;
    const victim = new TrackedClient(
      b.wsUrl,
      docId,
      await tokenFor({ [docId]: 'write' }, { sub: 'alice', name: 'Alice' }),
    );
    cleanup.push(() => victim.destroy());
    const onA = new TrackedClient(a.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: 'watcher', name: 'W' }));
    cleanup.push(() => onA.destroy());
    const onB = new TrackedClient(
      b.wsUrl,
      docId,
      await tokenFor({ [docId]: 'write' }, { sub: 'watcher-b', name: 'V' }),
    );
    cleanup.push(() => onB.destroy());
    await waitFor(() => victim.provider.synced && onA.provider.synced && onB.provider.synced, 5000, 'synced');
    victim.provider.awareness.setLocalStateField('cursor', { at: 1 });
    const id = victim.doc.clientID;
    const nameOn = (doc: TrackedClient) =>
      (doc.provider.awareness.getStates().get(id)?.user as { name?: string })?.name;
    await waitFor(() => nameOn(onA) === 'Alice' && nameOn(onB) === 'Alice', 5000, 'presence on A and B');

    const attacker = new RawCollabSocket(
      a.wsUrl,
      docId,
      await tokenFor({ [docId]: 'write' }, { sub: 'mallory', name: 'Mallory' }),
    );
    cleanup.push(() => attacker.close());
    await attacker.ready();
    const clock = (victim.provider.awareness.meta.get(id)?.clock ?? 0) + 10;
    const entry = (state: unknown, c: number, client = id) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, c);
      encoding.writeVarString(e, JSON.stringify(state));
      return encoding.toUint8Array(e);
    };
    attacker.send(awarenessFrame(entry({ user: { name: 'Alice' }, cursor: { at: 99 } }, clock)));
    attacker.send(awarenessFrame(entry(null, clock + 1)));
    // The attacker's own presence comes after, on the same ordered paths: once B's client sees it,
    // whatever the two frames before it caused has arrived too.
    attacker.send(awarenessFrame(entry({ cursor: null }, 1, 424_242)));
    await waitFor(() => onB.provider.awareness.getStates().has(424_242), 5000, 'attacker presence on B');
    expect(nameOn(onA)).toBe('Alice');
    expect(nameOn(onB)).toBe('Alice');
    expect((onB.provider.awareness.getStates().get(id)?.cursor as { at: number } | undefined)?.at).toBe(1);
    expect((onA.provider.awareness.getStates().get(id)?.cursor as { at: number } | undefined)?.at).toBe(1);
  });
});
