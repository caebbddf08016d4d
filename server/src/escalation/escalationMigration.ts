/**
 * Migration 0005_escalation: the escalation ladder, breakthrough sessions, DBT invitations and
 * commitments (domain brief §5). Independent of other migrations: it creates its own tables and adds
 * nullable columns only, so existing rows and code keep working.
 *  - participants.access_until: a DBT member's participation ends with the session's follow-up;
 *  - cases.*_at: the facts the clocks run on that registration does not record (measure, help, progress).
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const escalationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
    await db.schema.alterTable('participants').addColumn('access_until', 'text').execute();
    for (const column of ['analysis_completed_at', 'measure_started_at', 'help_started_at', 'last_progress_at']) {
      await db.schema.alterTable('cases').addColumn(column, 'text').execute();
    }
    await db.schema
      .createTable('escalation_steps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      // 0, 1, 2… per case: the ladder's order even within one clock tick; unique, so two concurrent
      // steps from the same level cannot both land.
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('from_level', 'text', (c) => c.notNull())
      .addColumn('to_level', 'text', (c) => c.notNull())
      .addColumn('bottleneck', 'text', (c) => c.notNull())
      .addColumn('tried', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_by_role', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addColumn('analysis_doc_id', 'text')
      .addColumn('analysis_version', 'text')
      // Base64 of Y.encodeStateAsUpdate: the analysis exactly as it was when the step was decided.
      .addColumn('analysis_snapshot', 'text')
      .execute();
    await db.schema
      .createIndex('escalation_steps_position')
      .on('escalation_steps')
      .columns(['case_id', 'position'])
      .unique()
      .execute();
    await db.schema
      .createTable('breakthrough_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('follow_up_until', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('breakthrough_sessions_case').on('breakthrough_sessions').column('case_id').execute();
    await db.schema
      .createTable('dbt_invitations')
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('dbt_invitations_pk', ['session_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('commitments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text', (c) => c.notNull())
      .addColumn('what', 'text', (c) => c.notNull())
      .addColumn('law_or_budget', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('met_at', 'text')
      .addColumn('met_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('commitments_case').on('commitments').column('case_id').execute();
  },
};
