/**
 * Who hears of a new comment: the author of the comment it replies to ('comment-reply') and everyone it
 * mentions ('mention'), never the writer themselves, and only people who may read that section of the
 * document now. Worked out before the comment's transaction (reads), added inside it (`addToInbox`).
 */
import { atLeast, type NewInboxItem, parseDocumentId } from '@samenspraak/shared';
import { documentAccessFor } from '../cases/documentAccess.js';
import type { AppDb } from '../db/database.js';
import { inboxDb } from './inboxDb.js';
import { type CommentRef, mentionItem, replyItem } from './inboxItems.js';
import { mentionedUsers } from './mentions.js';

export interface CommentAudience {
  /** The items once the comment has its id. */
  items(commentId: string): NewInboxItem[];
}

export async function commentAudience(
  db: AppDb,
  input: {
    documentId: string;
    section: string;
    text: string;
    authorId: string;
    authorRole: string;
    parentAuthorId: string | null;
  },
  now: Date,
): Promise<CommentAudience> {
  const parsed = parseDocumentId(input.documentId);
  if (!parsed) return { items: () => [] };
  const mayRead = async (userId: string) => {
    const access = await documentAccessFor(db, userId, input.documentId, now);
    return access !== null && atLeast(access.sections[input.section] ?? 'none', 'read');
  };
  const participants = await inboxDb(db)
    .selectFrom('participants')
    .innerJoin('users', 'users.id', 'participants.user_id')
    .select(['users.id as userId', 'users.name as name'])
    .where('participants.case_id', '=', parsed.caseId)
    .execute();
  const replyTo =
    input.parentAuthorId && input.parentAuthorId !== input.authorId && (await mayRead(input.parentAuthorId))
      ? input.parentAuthorId
      : null;
  const mentioned: string[] = [];
  for (const userId of mentionedUsers(input.text, participants)) {
    if (userId !== input.authorId && userId !== replyTo && (await mayRead(userId))) mentioned.push(userId);
  }
  return {
    items(commentId) {
      const ref: CommentRef = {
        id: commentId,
        caseId: parsed.caseId,
        documentType: parsed.type,
        section: input.section,
        authorRole: input.authorRole,
      };
      return [...(replyTo ? [replyItem(replyTo, ref)] : []), ...mentioned.map((u) => mentionItem(u, ref))];
    },
  };
}
