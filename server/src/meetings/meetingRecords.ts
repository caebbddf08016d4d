/** Storage of meetings: rows in, rows out. No rules here (meetings/meetingRules.ts), no logging (the commands). */
import type {
  AttendanceVia,
  MeetingItemKind,
  MeetingItemView,
  MeetingLinkDocument,
  MeetingPerson,
  MeetingStatus,
  Role,
} from '@samenspraak/shared';
import type { Updateable } from 'kysely';
import type { AppDb } from '../db/database.js';
import { addToInbox } from '../inbox/inbox.js';
import { meetingInvitationItem } from '../inbox/inboxItems.js';
import { type MeetingItemsTable, type MeetingsTable, meetingDb } from './meetingDb.js';
import type { AttendanceRecord } from './meetingRules.js';

export type MeetingRow = MeetingsTable & { status: MeetingStatus };

export async function insertMeeting(db: AppDb, row: MeetingsTable, inviteeIds: readonly string[]): Promise<void> {
  await meetingDb(db)
    .transaction()
    .execute(async (trx) => {
      await trx.insertInto('meetings').values(row).execute();
      if (inviteeIds.length > 0) {
        await trx
          .insertInto('meeting_invitees')
          .values(inviteeIds.map((user_id) => ({ meeting_id: row.id, user_id })))
          .execute();
      }
      const invited = inviteeIds.filter((id) => id !== row.created_by);
      const items = invited.map((id) => meetingInvitationItem(id, row.case_id, row.id, row.scheduled_at));
      await addToInbox(trx, items, new Date(row.created_at));
    });
}

export async function findMeeting(db: AppDb, caseId: string, meetingId: string): Promise<MeetingRow | null> {
  const row = await meetingDb(db)
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return (row as MeetingRow | undefined) ?? null;
}

export async function listMeetings(db: AppDb, caseId: string): Promise<MeetingRow[]> {
  const rows = await meetingDb(db)
    .selectFrom('meetings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('scheduled_at')
    .orderBy('id')
    .execute();
  return rows as MeetingRow[];
}

/**
 * Updates a meeting only while it is in `from` (so two people starting or ending it at once cannot
 * both succeed); true when the row changed.
 */
export async function updateMeeting(
  db: AppDb,
  meetingId: string,
  from: readonly MeetingStatus[],
  set: Updateable<MeetingsTable>,
): Promise<boolean> {
  const result = await meetingDb(db)
    .updateTable('meetings')
    .set(set)
    .where('id', '=', meetingId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The invitees who still take part in the case, with their name and role on it. */
export async function loadInvitees(
  db: AppDb,
  meeting: Pick<MeetingsTable, 'id' | 'case_id'>,
): Promise<MeetingPerson[]> {
  const rows = await meetingDb(db)
    .selectFrom('meeting_invitees')
    .innerJoin('users', 'users.id', 'meeting_invitees.user_id')
    .innerJoin('participants', (join) =>
      join
        .onRef('participants.user_id', '=', 'meeting_invitees.user_id')
        .on('participants.case_id', '=', meeting.case_id),
    )
    .select(['users.id as userId', 'users.name as name', 'participants.role as role'])
    .where('meeting_invitees.meeting_id', '=', meeting.id)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ userId: r.userId, name: r.name, role: r.role as Role }));
}

export async function loadAttendance(db: AppDb, meetingId: string): Promise<AttendanceRecord[]> {
  const rows = await meetingDb(db)
    .selectFrom('meeting_attendance')
    .select(['user_id', 'name', 'role', 'via'])
    .where('meeting_id', '=', meetingId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role as Role, via: r.via as AttendanceVia }));
}

/** Records people present through their live connection; once per person and meeting. */
export async function insertPresence(
  db: AppDb,
  meetingId: string,
  people: readonly MeetingPerson[],
  at: Date,
): Promise<number> {
  let added = 0;
  for (const p of people) {
    const result = await meetingDb(db)
      .insertInto('meeting_attendance')
      .values({
        id: `${meetingId}:${p.userId}`,
        meeting_id: meetingId,
        user_id: p.userId,
        name: p.name,
        role: p.role,
        via: 'presence',
        recorded_by: null,
        recorded_at: at.toISOString(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export async function insertManualAttendance(
  db: AppDb,
  row: { id: string; meetingId: string; userId: string | null; name: string; role: Role; via: AttendanceVia },
  recordedBy: string,
  at: Date,
): Promise<void> {
  await meetingDb(db)
    .insertInto('meeting_attendance')
    .values({
      id: row.id,
      meeting_id: row.meetingId,
      user_id: row.userId,
      name: row.name,
      role: row.role,
      via: row.via,
      recorded_by: recordedBy,
      recorded_at: at.toISOString(),
    })
    .execute();
}

export type NewItem = Omit<MeetingItemsTable, 'position'>;

/** Appends an item at the next position of its meeting (retrying when another lands at the same moment). */
export async function insertItem(db: AppDb, item: NewItem): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const last = await meetingDb(db)
      .selectFrom('meeting_items')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('meeting_id', '=', item.meeting_id)
      .executeTakeFirst();
    const position = Number(last?.max ?? 0) + 1;
    try {
      await meetingDb(db)
        .insertInto('meeting_items')
        .values({ ...item, position })
        .execute();
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}

export async function deleteItem(db: AppDb, itemId: string): Promise<void> {
  await meetingDb(db).deleteFrom('meeting_items').where('id', '=', itemId).execute();
}

export function presentItem(r: MeetingItemsTable): MeetingItemView {
  return {
    id: r.id,
    kind: r.kind as MeetingItemKind,
    text: r.text,
    ownerName: r.owner_name,
    ownerUserId: r.owner_user_id,
    due: r.due,
    link:
      r.link_document && r.link_section
        ? { document: r.link_document as MeetingLinkDocument, section: r.link_section }
        : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export async function loadItems(db: AppDb, meetingId: string): Promise<MeetingItemView[]> {
  const rows = await meetingDb(db)
    .selectFrom('meeting_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  return rows.map(presentItem);
}

/** A participant of the case with their name, or null. */
export async function caseParticipant(
  db: AppDb,
  caseId: string,
  userId: string,
): Promise<{ userId: string; name: string; role: Role; kind: string } | null> {
  const row = await meetingDb(db)
    .selectFrom('participants')
    .innerJoin('users', 'users.id', 'participants.user_id')
    .select(['users.id as userId', 'users.name as name', 'users.kind as kind', 'participants.role as role'])
    .where('participants.case_id', '=', caseId)
    .where('participants.user_id', '=', userId)
    .executeTakeFirst();
  return row ? { userId: row.userId, name: row.name, kind: row.kind, role: row.role as Role } : null;
}

/** Destruction of a case: its meetings and everything recorded in them. */
export async function deleteCaseMeetings(db: AppDb, caseId: string): Promise<void> {
  const mdb = meetingDb(db);
  await mdb.transaction().execute(async (trx) => {
    const ids = (await trx.selectFrom('meetings').select('id').where('case_id', '=', caseId).execute()).map(
      (r) => r.id,
    );
    if (ids.length > 0) {
      await trx.deleteFrom('meeting_attendance').where('meeting_id', 'in', ids).execute();
      await trx.deleteFrom('meeting_invitees').where('meeting_id', 'in', ids).execute();
    }
    await trx.deleteFrom('meeting_items').where('case_id', '=', caseId).execute();
    await trx.deleteFrom('meetings').where('case_id', '=', caseId).execute();
  });
}
