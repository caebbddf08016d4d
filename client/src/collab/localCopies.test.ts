/**
 * The bookkeeping of local copies: names, pending marks per user that survive a new page (a new
 * record over the same storage), and what logout and the start of the app may delete.
 *
 * Node has no localStorage; `MemoryStorage` implements the same interface. The browser's own storage
 * and IndexedDB are exercised in e2e/tests/logout-local-copies.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  copiesOf,
  deletableWithoutSession,
  LocalCopyRecord,
  localCopyName,
  parseLocalCopyName,
  parseRecord,
  pendingOf,
  usersWithCopies,
} from './localCopies';
import { MemoryStorage } from './memoryStorage';

const ANNA = '0b9c6f0e-4d3a-4c55-9d1e-2f5a6b7c8d90';
const BRAM = '7e1d2c3b-aaaa-4bbb-8ccc-123456789abc';
const ANALYSIS = 'demo-alkmaar-daan.analysis';
const PLAN = 'demo-alkmaar-daan.futurePlan';
const NOTES = 'demo-alkmaar-daan.meetingNotes.m1';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('local copy names', () => {
  it('name one person’s copy of one document, and read back whose it is', () => {
    const name = localCopyName(ANNA, ANALYSIS);
    expect(name).toBe(`samenspraak:${ANNA}:${ANALYSIS}`);
    expect(parseLocalCopyName(name)).toEqual({ userId: ANNA, documentId: ANALYSIS });
    // Document ids may contain ':'; the user id ends at the first one.
    expect(parseLocalCopyName(localCopyName(ANNA, 'case:x.analysis'))).toEqual({
      userId: ANNA,
      documentId: 'case:x.analysis',
    });
  });

  it('refuse a user id that would make the name ambiguous, with a clear error', () => {
    expect(() => localCopyName('a:b', ANALYSIS)).toThrow(/unusable user id "a:b"/);
    expect(() => localCopyName('', ANALYSIS)).toThrow(/unusable user id/);
  });

  it('do not take other databases for copies', () => {
    expect(parseLocalCopyName('some-other-app')).toBeNull();
    expect(parseLocalCopyName('samenspraak:')).toBeNull();
    expect(parseLocalCopyName(`samenspraak:${ANNA}:`)).toBeNull();
    expect(parseLocalCopyName(`samenspraak::${ANALYSIS}`)).toBeNull();
  });
});

describe('the pending record', () => {
  it('marks a document pending on a change and clears it when the server confirmed, per user', () => {
    const record = new LocalCopyRecord(new MemoryStorage());
    record.markPending(ANNA, ANALYSIS);
    expect(record.of(ANNA)).toEqual({ copies: [ANALYSIS], pending: [ANALYSIS], unknown: false });
    expect(record.of(BRAM)).toEqual({ copies: [], pending: [], unknown: false });

    record.recordCopy(BRAM, ANALYSIS);
    record.markPending(BRAM, PLAN);
    record.clearPending(ANNA, ANALYSIS);
    expect(record.of(ANNA)).toEqual({ copies: [ANALYSIS], pending: [], unknown: false });
    expect(record.of(BRAM)).toEqual({ copies: [ANALYSIS, PLAN], pending: [PLAN], unknown: false });
  });

  it('survives a closed tab: a new page reads the same marks from storage', () => {
    const storage = new MemoryStorage();
    new LocalCopyRecord(storage).markPending(ANNA, NOTES);
    const nextVisit = new LocalCopyRecord(storage);
    expect(nextVisit.of(ANNA).pending).toEqual([NOTES]);
    expect(nextVisit.users()).toEqual([ANNA]);
  });

  it('stores document ids only, one entry per user', () => {
    const storage = new MemoryStorage();
    const record = new LocalCopyRecord(storage);
    record.markPending(ANNA, ANALYSIS);
    record.recordCopy(ANNA, PLAN);
    expect(storage.length).toBe(1);
    const stored = JSON.parse(storage.getItem(`samenspraak.localCopies.${ANNA}`) ?? 'null');
    expect(stored).toEqual({ copies: [ANALYSIS, PLAN], pending: [ANALYSIS], unknown: false });
  });

  it('removes the entry once no copy is left', () => {
    const storage = new MemoryStorage();
    const record = new LocalCopyRecord(storage);
    record.markPending(ANNA, ANALYSIS);
    record.recordCopy(ANNA, PLAN);
    record.deleted(ANNA, [PLAN]);
    expect(record.of(ANNA)).toEqual({ copies: [ANALYSIS], pending: [ANALYSIS], unknown: false });
    record.deleted(ANNA, [ANALYSIS]);
    expect(storage.length).toBe(0);
    expect(record.users()).toEqual([]);
  });

  it('after "log out anyway" keeps the copies still to delete, with nothing pending in them', () => {
    const record = new LocalCopyRecord(new MemoryStorage());
    record.markPending(ANNA, ANALYSIS);
    record.abandon(ANNA, [ANALYSIS, PLAN]);
    expect(record.of(ANNA)).toEqual({ copies: [ANALYSIS, PLAN], pending: [], unknown: false });
    expect(deletableWithoutSession(copiesOf(ANNA, null, record.of(ANNA)), record.of(ANNA))).toEqual([ANALYSIS, PLAN]);
  });

  it('reads a damaged entry as "cannot tell", so every copy counts as unsaved, and keeps that when written', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const text of ['{not json', '[]', '{"copies":"x","pending":[]}', '{"copies":[1],"pending":[]}']) {
      expect(parseRecord(text)).toEqual({ copies: [], pending: [], unknown: true });
    }
    const storage = new MemoryStorage();
    storage.setItem(`samenspraak.localCopies.${ANNA}`, '{not json');
    const record = new LocalCopyRecord(storage);
    const copies = copiesOf(ANNA, [localCopyName(ANNA, ANALYSIS), localCopyName(ANNA, PLAN)], record.of(ANNA));
    expect(pendingOf(copies, record.of(ANNA))).toEqual([ANALYSIS, PLAN]);
    expect(deletableWithoutSession(copies, record.of(ANNA))).toEqual([]);
    record.markPending(ANNA, NOTES);
    expect(record.of(ANNA)).toEqual({ copies: [NOTES], pending: [NOTES], unknown: true });
  });

  it('works without storage and when storage refuses to write', () => {
    const none = new LocalCopyRecord(null);
    none.markPending(ANNA, ANALYSIS);
    expect(none.of(ANNA)).toEqual({ copies: [], pending: [], unknown: false });
    expect(none.users()).toEqual([]);

    const storage = new MemoryStorage();
    const full = new LocalCopyRecord(storage);
    full.markPending(ANNA, ANALYSIS);
    storage.failWrites = true;
    expect(() => full.markPending(ANNA, PLAN)).not.toThrow();
    expect(full.of(ANNA).pending).toEqual([ANALYSIS]);
  });
});

describe('choosing what to delete', () => {
  const names = [
    localCopyName(ANNA, ANALYSIS),
    localCopyName(ANNA, PLAN),
    localCopyName(BRAM, ANALYSIS),
    'samenspraak-something-else',
  ];

  it('finds a person’s copies by name when the browser lists its databases, and only theirs', () => {
    const record = { copies: [NOTES], pending: [NOTES], unknown: false }; // NOTES was evicted by the browser
    expect(copiesOf(ANNA, names, record)).toEqual([ANALYSIS, PLAN]);
    expect(copiesOf(BRAM, names, record)).toEqual([ANALYSIS]);
  });

  it('falls back on the record where the browser cannot list databases', () => {
    const record = { copies: [ANALYSIS], pending: [NOTES], unknown: false };
    expect(copiesOf(ANNA, null, record)).toEqual([ANALYSIS, NOTES]);
  });

  it('keeps pending copies for their owner and deletes the rest when the session is gone', () => {
    const record = { copies: [ANALYSIS, PLAN], pending: [PLAN], unknown: false };
    const copies = copiesOf(ANNA, names, record);
    expect(pendingOf(copies, record)).toEqual([PLAN]);
    expect(deletableWithoutSession(copies, record)).toEqual([ANALYSIS]);
  });

  it('lists everyone with copies or a record', () => {
    expect(usersWithCopies(names, ['c3d4'])).toEqual([ANNA, BRAM, 'c3d4']);
    expect(usersWithCopies(null, [BRAM])).toEqual([BRAM]);
  });
});
