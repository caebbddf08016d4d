/** The authenticated person behind a request or a socket, whatever the transport. */
import type { Role } from '@samenspraak/shared';

export interface Actor {
  userId: string;
  name: string;
  kind: 'professional' | 'client';
  /** Organisation role of a professional; clients have a role per case (participants table). */
  role: Role | null;
  organisationId: string | null;
  sessionId: string;
  remoteAddress: string;
}
