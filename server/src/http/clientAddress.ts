/**
 * Who is on the other end of a request: the socket's address, or, only when that socket is a proxy named
 * in TRUST_PROXY, the address that proxy reports. One trust function serves Express (`req.ip`,
 * `req.secure`, `req.host`), the collaboration WebSocket and socket.io, so an address never depends on
 * which transport was used. Untrusted X-Forwarded-* headers are the client's own words and are ignored.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustProxy } from '../config.js';

export type TrustFunction = (address: string, hop: number) => boolean;

export function trustFunction(trust: TrustProxy): TrustFunction {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The client's address: the socket's, or the nearest untrusted entry of X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trust: TrustFunction): string {
  return proxyAddr(req, trust) || req.socket.remoteAddress || 'unknown';
}

/**
 * The Host the browser used: X-Forwarded-Host only from a trusted proxy, else Host (as Express's
 * `req.host`). `peer` is the socket's own address.
 */
export function requestHost(headers: IncomingHttpHeaders, peer: string, trust: TrustFunction): string | undefined {
  const forwarded = headers['x-forwarded-host'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (first && trust(peer, 0)) return first;
  return headers.host;
}
