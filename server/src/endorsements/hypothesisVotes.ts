/** Who agrees with an explanatory hypothesis: one current vote per person and hypothesis, history kept. */
import crypto from 'node:crypto';
import type { VoteTally } from '@samenspraak/shared';
import { HYPOTHESES_SECTION } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { AppDb } from '../db/database.js';
import type { AppSchema } from '../db/schema.js';

export interface HypothesisVotesTable {
  id: string;
  document_id: string;
  case_id: string;
  hypothesis_id: string;
  user_id: string;
  user_name: string;
  user_role: string;
  agree: number;
  created_at: string;
  superseded_at: string | null;
}

type VoteDb = Kysely<AppSchema & { hypothesis_votes: HypothesisVotesTable }>;
const asVoteDb = (db: AppDb) => db as unknown as VoteDb;

/** True when the document's hypotheses list holds an item (a Y.Map) with this id. */
export function hypothesisExists(doc: Y.Doc, hypothesisId: string): boolean {
  const items = doc.getArray<unknown>(HYPOTHESES_SECTION).toArray();
  return items.some((item) =>
    item instanceof Y.Map
      ? item.get('id') === hypothesisId
      : typeof item === 'object' && item !== null && (item as { id?: unknown }).id === hypothesisId,
  );
}

export type { VoteTally };

export async function recordVote(
  db: AppDb,
  input: {
    documentId: string;
    caseId: string;
    hypothesisId: string;
    person: { id: string; name: string; role: string };
    agree: boolean;
    now: Date;
  },
): Promise<VoteTally> {
  const at = input.now.toISOString();
  await asVoteDb(db)
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable('hypothesis_votes')
        .set({ superseded_at: at })
        .where('document_id', '=', input.documentId)
        .where('hypothesis_id', '=', input.hypothesisId)
        .where('user_id', '=', input.person.id)
        .where('superseded_at', 'is', null)
        .execute();
      await trx
        .insertInto('hypothesis_votes')
        .values({
          id: crypto.randomUUID(),
          document_id: input.documentId,
          case_id: input.caseId,
          hypothesis_id: input.hypothesisId,
          user_id: input.person.id,
          user_name: input.person.name,
          user_role: input.person.role,
          agree: input.agree ? 1 : 0,
          created_at: at,
          superseded_at: null,
        })
        .execute();
    });
  return tally(db, input.documentId, input.hypothesisId);
}

/** Current votes of a document (of one hypothesis, when given), grouped per hypothesis in first-vote order. */
async function currentTallies(db: AppDb, documentId: string, hypothesisId?: string): Promise<VoteTally[]> {
  let query = asVoteDb(db)
    .selectFrom('hypothesis_votes')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('superseded_at', 'is', null);
  if (hypothesisId !== undefined) query = query.where('hypothesis_id', '=', hypothesisId);
  const rows = await query.orderBy('created_at').execute();
  const byHypothesis = new Map<string, VoteTally>();
  for (const r of rows) {
    let t = byHypothesis.get(r.hypothesis_id);
    if (!t) {
      t = { hypothesisId: r.hypothesis_id, agree: [], disagree: [] };
      byHypothesis.set(r.hypothesis_id, t);
    }
    (r.agree === 1 ? t.agree : t.disagree).push({ id: r.user_id, name: r.user_name, role: r.user_role });
  }
  return [...byHypothesis.values()];
}

/** Everyone's current view on every hypothesis of a document that has votes, in first-vote order. */
export function allTallies(db: AppDb, documentId: string): Promise<VoteTally[]> {
  return currentTallies(db, documentId);
}

export async function tally(db: AppDb, documentId: string, hypothesisId: string): Promise<VoteTally> {
  const [found] = await currentTallies(db, documentId, hypothesisId);
  return found ?? { hypothesisId, agree: [], disagree: [] };
}

export async function deleteCaseVotes(db: AppDb, caseId: string): Promise<void> {
  await asVoteDb(db).deleteFrom('hypothesis_votes').where('case_id', '=', caseId).execute();
}
