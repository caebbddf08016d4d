/**
 * What the UI reads about a document connection (`CollabStatus`), and how the server's close codes map
 * onto it: a refusal ends the connection (denied), a passing problem only explains a reconnect.
 */
import { CloseCode, type Rejection } from '@samenspraak/shared';

/** The server refused the connection itself; reconnecting will not help. */
export type DeniedReason = 'unauthenticated' | 'expired' | 'forbidden' | 'revoked' | 'bad-document';
/** The server closed the connection for a passing reason; the provider reconnects. */
export type ConnectionProblem = 'rate-limited' | 'store-unavailable' | 'too-big' | 'invalid';

export interface CollabStatus {
  /**
   * connecting: first connection not yet made; loading: connected, first sync not yet complete;
   * online: connected and in sync; offline: the connection was lost (the provider keeps retrying);
   * denied: the server refused the token.
   */
  phase: 'connecting' | 'loading' | 'online' | 'offline' | 'denied';
  /** The document was received from the server at least once (editing is safe from then on). */
  loaded: boolean;
  /** A local change exists that the server has not confirmed as durable. */
  unsaved: boolean;
  /** The server confirmed every update-bearing frame and no local change happened since. */
  saved: boolean;
  rejection: Rejection | null;
  denied: DeniedReason | null;
  problem: ConnectionProblem | null;
  /** The server speaks a newer protocol version (CloseCode.OutdatedClient): only a page reload helps. */
  outdated: boolean;
}

export const DENIED_BY_CODE: Record<number, DeniedReason> = {
  [CloseCode.Unauthenticated]: 'unauthenticated',
  [CloseCode.TokenExpired]: 'expired',
  [CloseCode.Forbidden]: 'forbidden',
  [CloseCode.AccessRevoked]: 'revoked',
  [CloseCode.BadDocumentId]: 'bad-document',
};

export const PROBLEM_BY_CODE: Record<number, ConnectionProblem> = {
  [CloseCode.RateLimited]: 'rate-limited',
  [CloseCode.StoreUnavailable]: 'store-unavailable',
  [CloseCode.MessageTooBig]: 'too-big',
  [CloseCode.MalformedMessage]: 'invalid',
  [CloseCode.InvalidUpdate]: 'invalid',
};

export function sameStatus(a: CollabStatus, b: CollabStatus): boolean {
  return (
    a.phase === b.phase &&
    a.loaded === b.loaded &&
    a.unsaved === b.unsaved &&
    a.saved === b.saved &&
    a.rejection === b.rejection &&
    a.denied === b.denied &&
    a.problem === b.problem &&
    a.outdated === b.outdated
  );
}
