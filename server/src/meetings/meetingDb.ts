/**
 * The relational schema as the meetings code sees it: the case schema plus what migration 0007_meetings
 * adds. Kept beside the migration so the two cannot drift apart.
 */
import type { Kysely } from 'kysely';
import type { CaseSchema } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';

export interface MeetingsTable {
  id: string;
  case_id: string;
  title: string;
  scheduled_at: string;
  /** scheduled | live | ended */
  status: string;
  chair_user_id: string | null;
  /** JSON array of strings. */
  agenda: string;
  read_back: string | null;
  voice_heard_by: string | null;
  voice_heard_note: string | null;
  voice_heard_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  created_by: string;
  created_at: string;
}

export interface MeetingInviteesTable {
  meeting_id: string;
  user_id: string;
}

export interface MeetingAttendanceTable {
  /** For a live presence: `<meetingId>:<userId>`, so joining twice records one entry. */
  id: string;
  meeting_id: string;
  user_id: string | null;
  name: string;
  role: string;
  /** presence | phone | in-person */
  via: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface MeetingItemsTable {
  id: string;
  meeting_id: string;
  case_id: string;
  /** decision | action */
  kind: string;
  text: string;
  owner_user_id: string | null;
  owner_name: string | null;
  /** YYYY-MM-DD */
  due: string | null;
  /** analysis | futurePlan */
  link_document: string | null;
  link_section: string | null;
  position: number;
  created_by: string;
  created_at: string;
}

export interface MeetingSchema extends CaseSchema {
  meetings: MeetingsTable;
  meeting_invitees: MeetingInviteesTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_items: MeetingItemsTable;
}

export type MeetingDb = Kysely<MeetingSchema>;

export function meetingDb(db: AppDb): MeetingDb {
  return db as unknown as MeetingDb;
}
