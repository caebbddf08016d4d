/**
 * Open documents and their pending marks, on the real connection (connection.ts with the real
 * y-websocket provider and save tracker) against the fake collaboration server: a change made here
 * marks the document, the server's Saved covering everything clears the mark, and logout can wait for
 * that or close everything.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeServer, fakeNavigator, installFakeBrowser, setOnline, sleep, until } from './fakeCollabServer';
import { LocalCopyRecord } from './localCopies';
import { MemoryStorage } from './memoryStorage';
import {
  allowDocumentsOf,
  closeDocumentsOf,
  documentLabel,
  mayOpenDocuments,
  openDocumentIds,
  trackOpenDocument,
  unsavedOpenDocuments,
  whenSaved,
} from './openDocuments';

beforeAll(() => installFakeBrowser());

const { connectDocument } = await import('./connection');
type Connection = ReturnType<typeof connectDocument>;

const ANNA = 'anna';
const BRAM = 'bram';
const DOC = 'case-1.analysis';

let server: FakeServer;
let record: LocalCopyRecord;
const cleanups: Array<() => void> = [];

/** A page of `userId` with `DOC` open, wired the way useDocumentConnection wires it. */
function openAs(userId: string, label?: string): Connection {
  const connection = connectDocument({
    documentId: DOC,
    token: `tok-${userId}`,
    wsBase: 'ws://test/collab',
    onLocalChange: () => record.markPending(userId, DOC),
  });
  const untrack = trackOpenDocument({ userId, documentId: DOC, connection, label }, record);
  cleanups.push(() => {
    untrack();
    connection.destroy();
  });
  return connection;
}

afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  allowDocumentsOf(ANNA);
  allowDocumentsOf(BRAM);
  fakeNavigator.onLine = true;
});

describe('open documents and pending marks', () => {
  it('marks an offline change pending, and clears the mark only once the server confirmed it', async () => {
    server = new FakeServer();
    record = new LocalCopyRecord(new MemoryStorage());
    const anna = openAs(ANNA);
    await until(() => anna.getStatus().saved);
    expect(record.of(ANNA)).toEqual({ copies: [DOC], pending: [], unknown: false });

    setOnline(false);
    await until(() => anna.getStatus().phase === 'offline');
    anna.doc.getText('t').insert(0, 'in de trein getypt');
    expect(record.of(ANNA).pending).toEqual([DOC]);
    expect(unsavedOpenDocuments(ANNA)).toEqual([DOC]);

    server.holdAcks = true; // the change reaches the server, which has not made it durable yet
    setOnline(true);
    await until(() => server.doc.getText('t').toString() === 'in de trein getypt');
    await sleep(30);
    expect(record.of(ANNA).pending).toEqual([DOC]);
    server.releaseAcks();
    await until(() => anna.getStatus().saved);
    expect(record.of(ANNA).pending).toEqual([]);
    expect(unsavedOpenDocuments(ANNA)).toEqual([]);
  });

  it('marks only the person who made the change, not the one who receives it', async () => {
    server = new FakeServer();
    record = new LocalCopyRecord(new MemoryStorage());
    const anna = openAs(ANNA);
    const bram = openAs(BRAM);
    await until(() => anna.getStatus().saved && bram.getStatus().saved);
    server.holdAcks = true;
    bram.doc.getText('t').insert(0, 'van Bram');
    await until(() => anna.doc.getText('t').toString() === 'van Bram');
    expect(record.of(BRAM).pending).toEqual([DOC]);
    expect(record.of(ANNA).pending).toEqual([]);
    server.releaseAcks();
    await until(() => record.of(BRAM).pending.length === 0);
  });

  it('lets logout wait until an open document is saved', async () => {
    server = new FakeServer();
    record = new LocalCopyRecord(new MemoryStorage());
    const anna = openAs(ANNA);
    await until(() => anna.getStatus().saved);
    server.holdAcks = true;
    anna.doc.getText('t').insert(0, 'net getypt');
    // A time limit no test waits for: resolving at all shows it resolved on "saved", on any machine.
    const waiting = whenSaved(ANNA, [DOC], 120_000).then(() => 'resolved');
    setTimeout(() => server.releaseAcks(), 100);
    expect(await Promise.race([waiting, sleep(30_000).then(() => 'still waiting after 30 s')])).toBe('resolved');
    expect(anna.getStatus().saved).toBe(true);
    expect(record.of(ANNA).pending).toEqual([]);
  });

  it('stops waiting after the time limit when the change cannot be saved', async () => {
    server = new FakeServer();
    record = new LocalCopyRecord(new MemoryStorage());
    const anna = openAs(ANNA);
    await until(() => anna.getStatus().saved);
    setOnline(false);
    await until(() => anna.getStatus().phase === 'offline');
    anna.doc.getText('t').insert(0, 'offline');
    const started = Date.now();
    await whenSaved(ANNA, [DOC], 300);
    // A lower bound only (it waited its limit): a slow machine cannot make this fail.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(record.of(ANNA).pending).toEqual([DOC]);
  });

  it('closes every document of one person at logout and opens none for them until they log in again', async () => {
    server = new FakeServer();
    record = new LocalCopyRecord(new MemoryStorage());
    const anna = openAs(ANNA, 'Verklarende analyse van Daan');
    const bram = openAs(BRAM);
    await until(() => anna.getStatus().saved && bram.getStatus().saved);
    expect(documentLabel(ANNA, DOC)).toBe('Verklarende analyse van Daan');

    closeDocumentsOf(ANNA);
    expect(anna.provider.shouldConnect).toBe(false); // destroyed: no reconnect, no more writes
    expect(openDocumentIds(ANNA)).toEqual([]);
    expect(mayOpenDocuments(ANNA)).toBe(false);
    expect(documentLabel(ANNA, DOC)).toBeNull();
    // Someone else's documents are not touched.
    expect(openDocumentIds(BRAM)).toEqual([DOC]);
    expect(bram.provider.shouldConnect).toBe(true);

    allowDocumentsOf(ANNA);
    expect(mayOpenDocuments(ANNA)).toBe(true);
  });
});
