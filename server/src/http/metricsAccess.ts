/**
 * Who may read /metrics (load, error counts, document activity: the operator's view, nobody else's):
 *  - METRICS_TOKEN set: exactly `Authorization: Bearer <token>`, compared in constant time;
 *  - no token, production: nobody (a scraper must be given a token);
 *  - no token, elsewhere: this machine only, judged on the client address (`req.ip`), so a proxy on
 *    loopback named in TRUST_PROXY does not open it to everyone it serves.
 * A refusal answers like an unknown path, so the endpoint does not announce itself.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import type { Request } from 'express';

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (net.isIPv4(v4)) return LOOPBACK.check(v4, 'ipv4');
  return net.isIPv6(address) && LOOPBACK.check(address, 'ipv6');
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison leaks neither content nor length.
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function metricsAllowed(req: Request, opts: { token: string | null; production: boolean }): boolean {
  if (opts.token !== null) {
    const header = req.get('authorization') ?? '';
    return header.startsWith('Bearer ') && sameSecret(header.slice('Bearer '.length), opts.token);
  }
  return !opts.production && isLoopback(req.ip);
}
