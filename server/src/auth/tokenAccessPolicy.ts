/**
 * The foundation's access policy: a signed token names the documents and the access on each.
 * The permissions stage replaces `authenticate` (sessions, case participants) and `checkUpdate`
 * (per-section rules); the collaboration core only sees the AccessPolicy interface.
 */
import { CloseCode } from '@samenspraak/shared';
import type { AccessPolicy, ConnectionGrant, ConnectionRequest, UpdateVerdict } from '../collab/types.js';
import { CollabAuthError, verifyCollabToken } from './collabTokens.js';

export function createTokenAccessPolicy(key: Uint8Array): AccessPolicy {
  return {
    async authenticate(request: ConnectionRequest): Promise<ConnectionGrant> {
      const claims = await verifyCollabToken(key, request.token);
      const access = claims.docs[request.docId];
      if (!access) throw new CollabAuthError(CloseCode.Forbidden, 'token does not grant this document');
      return { claims, access };
    },
    checkUpdate(): UpdateVerdict {
      return null;
    },
  };
}
