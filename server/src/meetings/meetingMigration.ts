/**
 * Migration 0007_meetings: case meetings (MDO) with their invitees, attendance, and decisions and
 * actions. Server records with an author; the meeting's free text lives in its Yjs notes document
 * (`<caseId>.meetingNotes.<meetingId>`). Independent of other migrations: it only creates tables.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const meetingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('chair_user_id', 'text')
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('read_back', 'text')
      .addColumn('voice_heard_by', 'text')
      .addColumn('voice_heard_note', 'text')
      .addColumn('voice_heard_at', 'text')
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('meetings_case').on('meetings').columns(['case_id', 'scheduled_at']).execute();
    await db.schema
      .createTable('meeting_invitees')
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_invitees_pk', ['meeting_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('meeting_attendance')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('meeting_attendance_meeting').on('meeting_attendance').column('meeting_id').execute();
    await db.schema
      .createTable('meeting_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('owner_user_id', 'text')
      .addColumn('owner_name', 'text')
      .addColumn('due', 'text')
      .addColumn('link_document', 'text')
      .addColumn('link_section', 'text')
      // 1, 2, … per meeting: the order of items even when two are recorded within one clock tick.
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('meeting_items_position')
      .on('meeting_items')
      .columns(['meeting_id', 'position'])
      .unique()
      .execute();
  },
};
