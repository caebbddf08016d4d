/**
 * Background compaction: once a document's log is long enough, its entries are replaced by a snapshot
 * (loading = snapshot + tail). The log stays intact when compaction fails.
 */
import * as Y from 'yjs';
import type { DocumentRoom } from './room.js';
import type { CollabServerOptions } from './types.js';

export class Compactor {
  constructor(private readonly opts: Pick<CollabServerOptions, 'store' | 'fanout' | 'limits' | 'log' | 'metrics'>) {}

  /** Starts a compaction after this turn when the room's log has grown past the limits. */
  maybeCompact(room: DocumentRoom): void {
    if (!room.needsCompaction(this.opts.limits)) return;
    room.beginCompaction();
    setImmediate(() => void this.compact(room));
  }

  /**
   * Replace the log entries with a snapshot. On a single instance every durable update is in the
   * in-memory document, so that is the snapshot. With fan-out, other instances append to the same log
   * and an entry may be durable before it reached this instance, so the snapshot is rebuilt from
   * exactly the entries the store holds.
   */
  async compact(room: DocumentRoom): Promise<void> {
    room.beginCompaction();
    const { store } = this.opts;
    try {
      // The in-memory snapshot below must contain what the store holds.
      await room.ensureHydrated();
      if (this.opts.fanout) {
        const loaded = await store.load(room.docId);
        const uptoSeq = loaded.tail.at(-1)?.seq;
        if (uptoSeq === undefined) return;
        const scratch = new Y.Doc();
        Y.transact(scratch, () => {
          if (loaded.snapshot) Y.applyUpdate(scratch, loaded.snapshot);
          for (const entry of loaded.tail) Y.applyUpdate(scratch, entry.update);
        });
        const snapshot = Y.encodeStateAsUpdate(scratch);
        scratch.destroy();
        await store.compact(room.docId, snapshot, uptoSeq);
        room.storedSizeIs(await store.stats(room.docId));
      } else {
        const { uptoSeq, count, bytes } = room.durableTail();
        const snapshot = room.fullUpdate();
        await store.compact(room.docId, snapshot, uptoSeq);
        room.compactedTail(snapshot.byteLength, count, bytes);
      }
      this.opts.metrics.compactions.inc();
    } catch (err) {
      this.opts.log.error({ err, docId: room.docId }, 'compaction failed; the log is intact');
    } finally {
      room.endCompaction();
    }
  }
}
