/**
 * Migration 0010_invitation_guard: what closing the invitation side door needs.
 *  - cases.created_by: the professional who registered the case, who invites the young person and the
 *    parents (domain/invitations.ts); filled for existing cases from the participant who added themself;
 *  - invitations.revoked_at / expiry_logged_at: a revoked invitation opens nothing, and an expired one
 *    is written to the access log once, so the young person sees every invitation end;
 *  - at most one young person per case, enforced by the database too (a partial unique index), so no
 *    race between two acceptances or an acceptance and an added participant can make a second one.
 */
import { type Kysely, sql } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const invitationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
    await db.schema.alterTable('cases').addColumn('created_by', 'text').execute();
    await sql`UPDATE cases SET created_by = (
      SELECT p.user_id FROM participants p
      WHERE p.case_id = cases.id AND p.added_by = p.user_id
      ORDER BY p.added_at LIMIT 1)`.execute(db);
    await db.schema.alterTable('invitations').addColumn('revoked_at', 'text').execute();
    await db.schema.alterTable('invitations').addColumn('expiry_logged_at', 'text').execute();
    await db.schema.createIndex('invitations_case').on('invitations').column('case_id').execute();
    await db.schema
      .createIndex('participants_one_young_person')
      .on('participants')
      .column('case_id')
      .unique()
      .where(sql.ref('role'), '=', sql.lit('jeugdige'))
      .execute();
  },
};
