/**
 * Saved acknowledgements leave in batches: connections whose acknowledged prefix may have grown are
 * collected and flushed once per store commit (or at the end of the event-loop turn for messages that
 * needed no write), so one commit of many updates sends one Saved per connection.
 */
import type { CollabConnection } from './connection.js';

export class AckBatch {
  private readonly dirty = new Set<CollabConnection>();
  private scheduled = false;

  /** Flushed with the next store commit (the caller flushes after it). */
  add(conn: CollabConnection): void {
    this.dirty.add(conn);
  }

  /** Flushed at the end of this event-loop turn at the latest. */
  soon(conn: CollabConnection): void {
    this.dirty.add(conn);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  forget(conn: CollabConnection): void {
    this.dirty.delete(conn);
  }

  flush(): void {
    this.scheduled = false;
    for (const conn of this.dirty) conn.flushAck();
    this.dirty.clear();
  }
}
