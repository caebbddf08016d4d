/**
 * The inbox seam: any feature adds what needs a person with `addToInbox`, inside the transaction of the
 * event that causes it. The inbox feature (this folder) lists, marks read, pushes live and queues the
 * mail the person asked for.
 */
import { randomUUID } from 'node:crypto';
import type { InboxKind, NewInboxItem } from '@samenspraak/shared';
import type { Kysely } from 'kysely';

export interface InboxItemsTable {
  id: string;
  user_id: string;
  case_id: string | null;
  kind: string;
  key: string;
  link: string;
  params: string;
  created_at: string;
  read_at: string | null;
}

export interface InboxSchema {
  inbox_items: InboxItemsTable;
}

export const inboxDb = (db: Kysely<never>) => db as unknown as Kysely<InboxSchema>;

export type { InboxKind, NewInboxItem };

/** Add items (an item whose key the person already has is skipped). Returns the ids added now. */
export async function addToInbox(db: Kysely<never>, items: readonly NewInboxItem[], now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const item of items) {
    if (!item.link.startsWith('/')) throw new Error('an inbox item links to a path in the app');
    const id = randomUUID();
    const result = await inboxDb(db)
      .insertInto('inbox_items')
      .values({
        id,
        user_id: item.userId,
        case_id: item.caseId,
        kind: item.kind,
        key: item.key,
        link: item.link,
        params: JSON.stringify(item.params ?? {}),
        created_at: now.toISOString(),
        read_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) added.push(id);
  }
  return added;
}
