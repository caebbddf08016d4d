/**
 * Comments on a section of a case document. Who may comment is the permission table's business
 * ('comment' or 'edit' on that section, after age/consent rules); this module stores and lists.
 */
import crypto from 'node:crypto';
import type { CommentView } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { AppSchema } from '../db/schema.js';

export interface CommentsTable {
  id: string;
  document_id: string;
  case_id: string;
  section: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  author_role: string;
  text: string;
  anchor: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

type CommentDb = Kysely<AppSchema & { comments: CommentsTable }>;
const asCommentDb = (db: AppDb) => db as unknown as CommentDb;

/** A comment as the routes answer with it (shared/src/documentContracts.ts). */
export type Comment = CommentView;

function present(row: CommentsTable): Comment {
  return {
    id: row.id,
    section: row.section,
    parentId: row.parent_id,
    author: { id: row.author_id, name: row.author_name, role: row.author_role },
    text: row.text,
    anchor: row.anchor ? JSON.parse(row.anchor) : null,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

export async function addComment(
  db: AppDb,
  input: {
    documentId: string;
    caseId: string;
    section: string;
    parentId: string | null;
    author: { id: string; name: string; role: string };
    text: string;
    anchor: unknown;
    now: Date;
  },
): Promise<Comment> {
  const row: CommentsTable = {
    id: crypto.randomUUID(),
    document_id: input.documentId,
    case_id: input.caseId,
    section: input.section,
    parent_id: input.parentId,
    author_id: input.author.id,
    author_name: input.author.name,
    author_role: input.author.role,
    text: input.text,
    anchor: input.anchor === undefined || input.anchor === null ? null : JSON.stringify(input.anchor),
    created_at: input.now.toISOString(),
    resolved_at: null,
    resolved_by: null,
  };
  await asCommentDb(db).insertInto('comments').values(row).execute();
  return present(row);
}

export async function findComment(db: AppDb, documentId: string, id: string): Promise<Comment | null> {
  const row = await asCommentDb(db)
    .selectFrom('comments')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? present(row) : null;
}

/** Comments on the given sections only (a reader sees comments where they may read). */
export async function listComments(db: AppDb, documentId: string, sections: string[]): Promise<Comment[]> {
  if (sections.length === 0) return [];
  const rows = await asCommentDb(db)
    .selectFrom('comments')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('section', 'in', sections)
    .orderBy('created_at')
    .execute();
  return rows.map(present);
}

export async function resolveComment(db: AppDb, id: string, by: string, now: Date): Promise<void> {
  await asCommentDb(db)
    .updateTable('comments')
    .set({ resolved_at: now.toISOString(), resolved_by: by })
    .where('id', '=', id)
    .execute();
}
