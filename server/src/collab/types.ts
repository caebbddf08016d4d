/** The collaboration core's seams: an abstract socket, the access hooks and the scale-out fan-out. */
import type { CollabClaims, DocumentAccess, Limits, Permission } from '@samenspraak/shared';
import type * as Y from 'yjs';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { ClientClaim, DocumentStore } from '../storage/documentStore.js';
import type { DecodedUpdate } from './updateInspection.js';

/** What the core needs from a transport (ws in production, fakes in tests). */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written; used to drop connections that cannot keep up. */
  readonly bufferedAmount: number;
}

export interface ConnectionRequest {
  docId: string;
  token: string | null;
  remoteAddress: string;
  /** The `v` query parameter as sent (see PROTOCOL_VERSION); absent: a stock client, the current version. */
  protocolVersion?: string | null;
}

/** Who is connected and what they may do with this document. */
export interface ConnectionGrant {
  claims: CollabClaims;
  access: DocumentAccess;
  /** Per-section permissions (case documents); absent means the whole document follows `access`. */
  sections?: Record<string, Permission>;
}

export interface UpdateCheck {
  docId: string;
  grant: ConnectionGrant;
  doc: Y.Doc;
  decoded: DecodedUpdate;
}

/** Result of a permission check: null allows; otherwise the reject reason and a human-readable detail. */
export type UpdateVerdict = null | { reason: string; detail: string };

export interface AccessPolicy {
  /** Decides at connect time; throws CollabAuthError (with a close code) to refuse. */
  authenticate(request: ConnectionRequest): Promise<ConnectionGrant>;
  /** Runs for every update that would change the document, before it is applied. */
  checkUpdate(check: UpdateCheck): UpdateVerdict;
  /**
   * Decides again for a live connection after access changed (consent, participants, case closed).
   * Returns the new grant, or null to disconnect. Without it, grants stay as decided at connect.
   */
  recheck?(grant: ConnectionGrant, docId: string): Promise<ConnectionGrant | null>;
}

/**
 * Cross-instance fan-out (Redis in production, none on a single machine). The instance that accepts an
 * update persists it and publishes it; other instances apply it and relay it to their own clients.
 */
export interface RemoteHandlers {
  /** An update another instance accepted (and persisted), with the client ids it claimed. */
  update(update: Uint8Array, claims?: ClientClaim[]): void;
  /** The fan-out may have missed updates (e.g. Redis was down): reload the document from the store. */
  resync(): void;
  /** Presence from clients on another instance (an awareness update). */
  awareness?(update: Uint8Array): void;
}

export interface Fanout {
  /** Best effort: the update is already durable in the shared store when this is called. */
  publish(docId: string, update: Uint8Array, claims?: ClientClaim[]): void;
  /** Best effort, ephemeral: presence of this instance's clients for the other instances. */
  publishAwareness?(docId: string, update: Uint8Array): void;
  /** Starts delivering remote updates of docId; resolves once the subscription is live. */
  subscribe(docId: string, handlers: RemoteHandlers): Promise<void>;
  unsubscribe(docId: string): void;
  close(): Promise<void>;
}

export interface CollabServerOptions {
  store: DocumentStore;
  policy: AccessPolicy;
  limits: Limits;
  log: Logger;
  metrics: Metrics;
  fanout?: Fanout;
  /** false only for the benchmark baseline (UNSAFE_SKIP_CLIENT_ID_CHECK, see config.ts); default true. */
  clientIdCheck?: boolean;
  /**
   * Told after a client's accepted update is durable: who wrote which root types of which document.
   * Optional so the core stays free of features (the app wires e.g. an inbox producer); the touched
   * roots are only worked out when it is set. Errors are logged, never passed back to the writer.
   */
  onClientWrite?: (write: ClientWrite) => void | Promise<void>;
}

export interface ClientWrite {
  docId: string;
  /** The writer's user id (the grant's subject). */
  userId: string;
  /** The named root types the update touched (sections of the document). */
  roots: string[];
}
