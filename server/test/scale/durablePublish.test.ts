/**
 * Regression test for publishing before durability: an instance that applied an update but had not yet
 * committed it must not hand it to the other instances. Otherwise, if it dies, the survivor holds an
 * update that is in no store, ignores the author's re-send as "nothing new" and acknowledges it as saved.
 * Two in-process instances on one Redis and one Postgres schema; instance A's store commit is held back.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AppendEntry, DocumentStore } from '../../src/storage/documentStore.js';
import { PostgresStore } from '../../src/storage/postgresStore.js';
import { Editor, missingMarks } from '../support/coEditing.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName, REDIS_URL } from '../support/services.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { sleep, waitFor } from '../support/trackedClient.js';

const schema = freshSchemaName('durablepub');
type Started = Awaited<ReturnType<typeof startTestServer>>;
const servers: Started[] = [];
const editors: Editor[] = [];
const stores: PostgresStore[] = [];
let release: (() => void) | null = null;

/** A store whose appends wait until `release()` (an instance that has not committed yet). */
function heldBack(store: DocumentStore): DocumentStore {
  let gate: Promise<void> = new Promise((resolve) => {
    release = () => {
      gate = Promise.resolve();
      resolve();
    };
  });
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'append') {
        return async (entries: AppendEntry[]) => {
          await gate;
          return target.append(entries);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

await describeWithServices('publishing only durable updates', { redis: true, postgres: true }, () => {
  let a: Started;
  let b: Started;

  beforeAll(async () => {
    const open = async () => {
      const s = await PostgresStore.open(DATABASE_URL, { schema });
      stores.push(s);
      return s;
    };
    a = await startTestServer({ redisUrl: REDIS_URL, instanceId: 'held' }, { store: heldBack(await open()) });
    servers.push(a);
    b = await startTestServer({ redisUrl: REDIS_URL, instanceId: 'survivor' }, { store: await open() });
    servers.push(b);
  });

  afterAll(async () => {
    for (const e of editors) e.destroy();
    release?.();
    for (const s of servers) await s.close();
    await dropSchema(schema).catch(() => {});
  });

  it('does not fan out an update before it is durable; the survivor stores the re-send', async () => {
    const docId = `durable-${randomBytes(5).toString('hex')}`;
    const token = await tokenFor({ [docId]: 'write' });
    const author = new Editor('author', a.wsUrl, docId, token);
    const watcher = new Editor('watcher', b.wsUrl, docId, token);
    editors.push(author, watcher);
    await waitFor(() => author.client.provider.synced && watcher.client.provider.synced, 5000, 'sync');

    const mark = author.edit();
    await sleep(1000);
    expect(author.client.allSaved).toBe(false); // a has not committed it
    expect(watcher.text).not.toContain(`[${mark}]`); // so b must not have it either

    // a "dies" before its commit: the author moves to b with the same document and re-sends the edit.
    author.moveTo(b.wsUrl);
    await waitFor(() => author.client.allSaved && watcher.text.includes(`[${mark}]`), 10_000, 'saved through b');

    const loaded = await stores[1]!.load(docId);
    const doc = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const e of loaded.tail) Y.applyUpdate(doc, e.update);
    expect(missingMarks(doc.getText('t').toString(), [mark])).toEqual([]);
  });
});
