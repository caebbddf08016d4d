import type { CollabClaims, DocumentAccess, Role } from '@samenspraak/shared';
import { secretKey, signCollabToken } from '../../src/auth/collabTokens.js';
import { TEST_SECRET } from './testServer.js';

export const testKey = secretKey(TEST_SECRET);

export function tokenFor(
  docs: Record<string, DocumentAccess>,
  opts: { sub?: string; name?: string; role?: Role; ttlSeconds?: number; key?: Uint8Array } = {},
): Promise<string> {
  const claims: CollabClaims = {
    sub: opts.sub ?? 'user-1',
    name: opts.name ?? 'Test Gebruiker',
    role: opts.role ?? 'gedragswetenschapper',
    docs,
  };
  return signCollabToken(opts.key ?? testKey, claims, opts.ttlSeconds ?? 3600);
}
