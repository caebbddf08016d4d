/** Default limits of the collaboration server; every one can be overridden by configuration. */
export const DEFAULT_LIMITS = {
  /** Largest accepted WebSocket message (bytes). */
  maxMessageBytes: 1024 * 1024,
  /** Largest stored size of one document (bytes, snapshot + log). */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Sustained messages per second per connection (token bucket refill). */
  rateMessagesPerSecond: 200,
  /** Burst size of the per-connection token bucket. */
  rateBurst: 1000,
  /** Milliseconds a document without connections stays loaded. */
  unloadGraceMs: 10_000,
  /** Compact a document's log after this many tail entries... */
  compactAfterUpdates: 1000,
  /** ...or after this many tail bytes. */
  compactAfterBytes: 1024 * 1024,
  /** Shortest time between two store commits (ms): under load, updates within it share one fsync. */
  commitIntervalMs: 4,
  /** Updates held in memory while the store is failing before new ones are rejected (bytes). */
  maxPendingBytes: 256 * 1024 * 1024,
  /**
   * Updates a connection may have held back (waiting for content the server does not have yet, or for
   * the connection to be ready), by count and bytes, and all connections of one document together.
   * Beyond them an update is refused, so a client cannot make the server hold memory without bound.
   */
  heldBackUpdatesPerConnection: 1000,
  heldBackBytesPerConnection: 8 * 1024 * 1024,
  heldBackBytesPerDocument: 32 * 1024 * 1024,
} as const;
export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };
