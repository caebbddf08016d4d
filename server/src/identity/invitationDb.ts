/**
 * The invitations table as the invitation code sees it: AppSchema's row plus what migration
 * 0010_invitation_guard adds. Kept beside that migration (db/schema.ts is edited by many).
 */
import type { Kysely } from 'kysely';
import type { CaseSchema } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';
import type { InvitationsTable } from '../db/schema.js';

export interface InvitationRowTable extends InvitationsTable {
  revoked_at: string | null;
  /** Set when the expiry was written to the access log (once). */
  expiry_logged_at: string | null;
}

export interface InvitationSchema extends Omit<CaseSchema, 'invitations'> {
  invitations: InvitationRowTable;
}

export function invitationDb(db: AppDb): Kysely<InvitationSchema> {
  return db as unknown as Kysely<InvitationSchema>;
}
