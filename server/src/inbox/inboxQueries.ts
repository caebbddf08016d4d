/**
 * The person's inbox as they may see it now: items of cases they can no longer see (left the case, the
 * DBT follow-up ended, turned 16 without consent for a parent, case closed or destroyed) are hidden at
 * read time by the same rule the case gate applies (`accessTo`). Reading logs one entry per case shown.
 */
import type { InboxItemView, InboxKind, InboxResponse, Role } from '@samenspraak/shared';
import { INBOX_PAGE_SIZE } from '@samenspraak/shared';
import type { RequestAudit } from '../audit/caseAudit.js';
import { caseDb } from '../cases/caseDb.js';
import { accessTo } from '../cases/caseGate.js';
import { firstName } from '../cases/caseQueries.js';
import type { AppDb } from '../db/database.js';
import { notFound } from '../kernel/errors.js';
import { type InboxItemsTable, inboxDb } from './inboxDb.js';

interface VisibleCase {
  role: Role;
  name: string;
}

/** The cases the person may see now, with their role and the young person's first name. */
export async function visibleCases(db: AppDb, userId: string, now: Date): Promise<Map<string, VisibleCase>> {
  const rows = await caseDb(db)
    .selectFrom('participants')
    .innerJoin('cases', 'cases.id', 'participants.case_id')
    .selectAll('cases')
    .select(['participants.role as my_role', 'participants.access_until as access_until'])
    .where('participants.user_id', '=', userId)
    .execute();
  const visible = new Map<string, VisibleCase>();
  for (const row of rows) {
    if (accessTo(row, row.my_role as Role, now, row.access_until).allowed) {
      visible.set(row.id, { role: row.my_role as Role, name: firstName(row.young_person_name) });
    }
  }
  return visible;
}

function present(row: InboxItemsTable, cases: Map<string, VisibleCase>): InboxItemView {
  let params: Record<string, string> = {};
  try {
    params = JSON.parse(row.params) as Record<string, string>;
  } catch {
    params = {};
  }
  return {
    id: row.id,
    kind: row.kind as InboxKind,
    caseId: row.case_id,
    caseName: row.case_id ? (cases.get(row.case_id)?.name ?? null) : null,
    link: row.link,
    params,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** All of the person's items they may still see, newest first. */
async function visibleItems(db: AppDb, userId: string, now: Date) {
  const cases = await visibleCases(db, userId, now);
  const rows = await inboxDb(db)
    .selectFrom('inbox_items')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { cases, rows: rows.filter((r) => r.case_id === null || cases.has(r.case_id)) };
}

export async function listInbox(db: AppDb, audit: RequestAudit, now: Date): Promise<InboxResponse> {
  const { cases, rows } = await visibleItems(db, audit.actor.userId, now);
  const shown = rows.slice(0, INBOX_PAGE_SIZE);
  // One entry for the request, listing the cases whose items it showed.
  const caseIds = [...new Set(shown.map((r) => r.case_id).filter((c): c is string => c !== null))];
  if (caseIds.length === 1)
    await audit.log({
      event: 'read',
      caseId: caseIds[0]!,
      outcome: 'success',
      caseRole: cases.get(caseIds[0]!)?.role,
      what: 'inbox',
    });
  else if (caseIds.length > 1)
    await audit.log({ event: 'read', caseId: null, caseIds, outcome: 'success', what: 'inbox' });
  return { items: shown.map((r) => present(r, cases)), unread: rows.filter((r) => r.read_at === null).length };
}

export async function unreadCount(db: AppDb, userId: string, now: Date): Promise<number> {
  const { rows } = await visibleItems(db, userId, now);
  return rows.filter((r) => r.read_at === null).length;
}

/** Marks one of the person's own items read; someone else's (or a hidden) item is the same 404 as none. */
export async function markRead(db: AppDb, userId: string, itemId: string, now: Date): Promise<void> {
  const { rows } = await visibleItems(db, userId, now);
  const item = rows.find((r) => r.id === itemId);
  if (!item) throw notFound('inbox item');
  if (item.read_at) return;
  await inboxDb(db)
    .updateTable('inbox_items')
    .set({ read_at: now.toISOString() })
    .where('id', '=', itemId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllRead(db: AppDb, userId: string, now: Date): Promise<void> {
  await inboxDb(db)
    .updateTable('inbox_items')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
