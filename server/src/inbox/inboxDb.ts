/** The inbox's tables as Kysely sees them (migration 0012_inbox), with the users' mail columns (0011). */
import type { Kysely } from 'kysely';
import type { AppSchema } from '../db/schema.js';

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

export interface InboxDigestsTable {
  user_id: string;
  /** Amsterdam calendar date, YYYY-MM-DD. */
  day: string;
  covered_until: string;
  item_count: number;
}

export interface InboxSchema {
  inbox_items: InboxItemsTable;
  inbox_digests: InboxDigestsTable;
}

export type InboxDb = Kysely<AppSchema & InboxSchema>;

export const inboxDb = (db: Kysely<never> | Kysely<AppSchema>) => db as unknown as InboxDb;
