/**
 * Facts a professional records for the sign-off rule: why neither the young person nor a parent
 * endorses (and that the child's view was written down by a professional), and that education was
 * consulted (who, when). One current fact per kind and document; earlier ones are kept, superseded.
 */
import crypto from 'node:crypto';
import type { SignOffFactBody, SignOffFactKind, SignOffFactView } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';

export interface SignOffFactsTable {
  id: string;
  document_id: string;
  case_id: string;
  kind: string;
  words: string;
  child_view_recorded: number;
  consulted_on: string | null;
  user_id: string;
  user_name: string;
  user_role: string;
  created_at: string;
  superseded_at: string | null;
}

const asDb = (db: AppDb) => db as unknown as Kysely<{ sign_off_facts: SignOffFactsTable }>;

function present(r: SignOffFactsTable): SignOffFactView {
  return {
    kind: r.kind as SignOffFactKind,
    words: r.words,
    childViewRecorded: r.child_view_recorded === 1,
    consultedOn: r.consulted_on,
    recordedBy: { id: r.user_id, name: r.user_name, role: r.user_role },
    recordedAt: r.created_at,
  };
}

export async function recordSignOffFact(
  db: AppDb,
  input: {
    documentId: string;
    caseId: string;
    person: { id: string; name: string; role: string };
    fact: SignOffFactBody;
    now: Date;
  },
): Promise<SignOffFactView> {
  const at = input.now.toISOString();
  const row: SignOffFactsTable = {
    id: crypto.randomUUID(),
    document_id: input.documentId,
    case_id: input.caseId,
    kind: input.fact.kind,
    words: input.fact.words,
    child_view_recorded: input.fact.kind === 'no-endorsement-reason' && input.fact.childViewRecorded ? 1 : 0,
    consulted_on: input.fact.kind === 'education-consulted' ? input.fact.consultedOn : null,
    user_id: input.person.id,
    user_name: input.person.name,
    user_role: input.person.role,
    created_at: at,
    superseded_at: null,
  };
  await asDb(db)
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable('sign_off_facts')
        .set({ superseded_at: at })
        .where('document_id', '=', input.documentId)
        .where('kind', '=', input.fact.kind)
        .where('superseded_at', 'is', null)
        .execute();
      await trx.insertInto('sign_off_facts').values(row).execute();
    });
  return present(row);
}

export async function currentSignOffFacts(db: AppDb, documentId: string): Promise<SignOffFactView[]> {
  const rows = await asDb(db)
    .selectFrom('sign_off_facts')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('superseded_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map(present);
}

export async function deleteCaseSignOffFacts(db: AppDb, caseId: string): Promise<void> {
  await asDb(db).deleteFrom('sign_off_facts').where('case_id', '=', caseId).execute();
}
