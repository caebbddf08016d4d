/**
 * Migration 0018_endorsement_versions: an endorsement is pinned to the text the person read (content
 * hash plus one hash per section they could read), and marked when a section they endorsed changed; a
 * sign-off pins the version's content hash; the facts of the sign-off rule (why no young person or
 * parent endorses, that education was consulted); the 6-week clock's recorded request; the requests to
 * update the analysis at milestones and transitions. One column per ALTER (SQLite).
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const endorsementVersionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('endorsements').addColumn('version_hash', 'text').execute();
    /** JSON object section id → hash of the section as the person could read it. */
    await db.schema.alterTable('endorsements').addColumn('section_hashes', 'text').execute();
    await db.schema.alterTable('endorsements').addColumn('outdated_at', 'text').execute();
    await db.schema.alterTable('document_versions').addColumn('content_hash', 'text').execute();
    await db.schema.alterTable('cases').addColumn('analysis_requested_at', 'text').execute();
    await db.schema.alterTable('cases').addColumn('analysis_requested_by', 'text').execute();
    await db.schema
      .createTable('sign_off_facts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('words', 'text', (c) => c.notNull())
      .addColumn('child_view_recorded', 'integer', (c) => c.notNull())
      .addColumn('consulted_on', 'text')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('user_role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('superseded_at', 'text')
      .execute();
    await db.schema
      .createIndex('sign_off_facts_document')
      .on('sign_off_facts')
      .columns(['document_id', 'kind', 'superseded_at'])
      .execute();
    await db.schema
      .createTable('analysis_update_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      /** Once per milestone: `turned-16`, `provider:<userId>`, `changed:<signed-off version>`, … */
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      /** Set by the next sign-off. */
      .addColumn('cleared_at', 'text')
      .addUniqueConstraint('analysis_update_requests_key', ['case_id', 'key'])
      .execute();
  },
};
