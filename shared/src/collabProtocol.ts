/**
 * Wire contract of `WS /collab/<documentId>`: the standard y-websocket protocol
 * (y-protocols sync + awareness) plus two Samenspraak messages that stock clients ignore.
 * Every message starts with a varuint message type. See docs/PROTOCOL.md.
 */

/** Standard y-websocket message types. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Samenspraak: `varuint n` — every update-bearing message this connection sent, up to number n, is durable or was rejected. */
  Saved: 100,
  /** Samenspraak: `varuint n, varstring reason, varstring detail` — update-bearing message n was rejected; the document is unchanged. */
  Rejected: 101,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** y-protocols sync sub-types (second varuint of a Sync message). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

/** Named WebSocket close codes. 1000–1015 are RFC 6455; 4000–4999 are ours. */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  MessageTooBig: 1009,
  Unauthenticated: 4001,
  TokenExpired: 4002,
  Forbidden: 4003,
  AccessRevoked: 4004,
  BadDocumentId: 4400,
  MalformedMessage: 4401,
  InvalidUpdate: 4402,
  /** The client speaks an older protocol version than the server (see PROTOCOL_VERSION): reload the page. */
  OutdatedClient: 4426,
  RateLimited: 4429,
  StoreUnavailable: 4503,
} as const;
export type CloseCodeName = keyof typeof CloseCode;

export function closeCodeName(code: number): CloseCodeName | undefined {
  for (const [name, value] of Object.entries(CloseCode)) if (value === code) return name as CloseCodeName;
  return undefined;
}

/**
 * Version of this wire contract. Raised when client and server must change together; a client sends it
 * at connect as `?v=<n>` and the server closes an older one with CloseCode.OutdatedClient. A connection
 * without `v` (a stock y-websocket client) speaks the current version.
 */
export const PROTOCOL_VERSION = 1;
/** Query parameter of `WS /collab/<documentId>` carrying the client's protocol version. */
export const PROTOCOL_VERSION_PARAM = 'v';
/** Close reason sent with CloseCode.OutdatedClient. */
export const OUTDATED_CLIENT_REASON = 'client protocol version is older than the server; reload the page';

/**
 * What the server makes of the version a client sent (`null`: none sent). Newer than the server's is
 * accepted: during a rolling update a fresh page may reach an instance that is not updated yet.
 */
export function judgeProtocolVersion(sent: string | null): 'current' | 'outdated' | 'invalid' {
  if (sent === null) return 'current';
  if (!/^[0-9]{1,9}$/.test(sent)) return 'invalid';
  return Number(sent) < PROTOCOL_VERSION ? 'outdated' : 'current';
}

/** Reasons carried by a Rejected message. */
export const RejectReason = {
  ReadOnly: 'read-only',
  SectionForbidden: 'section-forbidden',
  DocumentTooLarge: 'document-too-large',
  StoreBackpressure: 'store-backpressure',
  /** The update builds on content the server never accepted (an earlier rejection): reload the document. */
  OutOfSync: 'out-of-sync',
  /** The update writes under a Yjs client id that another participant owns: reload the document. */
  ForeignClient: 'foreign-client-id',
  /** Too much held back waiting for content the server does not have yet: reload the document. */
  HeldBackLimit: 'held-back-limit',
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];

/** Document ids: what may appear after `/collab/`. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export function isValidDocumentId(id: string): boolean {
  return DOCUMENT_ID_PATTERN.test(id);
}
