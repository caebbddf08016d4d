/**
 * The access log's HMAC key: the one place it is made. It never enters the database, so whoever can
 * write the database cannot recompute the chain. AUDIT_KEY when set; otherwise derived (HKDF) from the
 * auth secret under a label of its own, so the token-signing key and this key are never the same bytes.
 */
import crypto from 'node:crypto';
import { resolveAuthSecret } from '../auth/secret.js';
import type { Config } from '../config.js';
import type { AccessLogOptions } from './accessLog.js';
import { anchorFileOf } from './logAnchors.js';

const LABEL = 'samenspraak access-log hmac v1';

export function deriveAuditKey(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'samenspraak', LABEL, 32));
}

export function resolveAuditKey(config: Pick<Config, 'auditKey' | 'authSecret' | 'dataDir'>): Buffer {
  return deriveAuditKey(config.auditKey ?? resolveAuthSecret(config));
}

/** What every AccessLog of this configuration needs: the key and where its anchors are. */
export function accessLogOptions(
  config: Pick<Config, 'auditKey' | 'authSecret' | 'dataDir' | 'auditAnchorFile'>,
): AccessLogOptions {
  return { key: resolveAuditKey(config), anchorFile: anchorFileOf(config) };
}
