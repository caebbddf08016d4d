/**
 * Own statements (eigen verklaring, Jeugdwet 7.3.8): the young person or a parent adds their own words to
 * the dossier, about a section or a quoted passage. Stored as written and never edited; everyone on the
 * case who may read that section sees it next to the text, and it is in the export.
 */
import { randomUUID } from 'node:crypto';
import type { Role, StatementBody, StatementView } from '@samenspraak/shared';
import { documentId } from '@samenspraak/shared';
import type { CaseScope } from '../cases/caseGate.js';
import type { AppDb } from '../db/database.js';
import { noteRightsRequest } from '../inbox/rightsRequested.js';
import type { AppServices } from '../services.js';
import { type OwnStatementsTable, rightsDb } from './rightsDb.js';
import { checkReadableSection } from './sectionRef.js';

function present(r: OwnStatementsTable): StatementView {
  return {
    id: r.id,
    document: r.document === 'futurePlan' ? 'futurePlan' : 'analysis',
    section: r.section,
    passage: r.passage,
    text: r.text,
    author: { userId: r.author_id, name: r.author_name, role: r.author_role as Role },
    createdAt: r.created_at,
  };
}

export async function listStatements(services: AppServices, caseId: string): Promise<StatementView[]> {
  const rows = await rightsDb(services.db)
    .selectFrom('own_statements')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

export async function addStatement(
  services: AppServices,
  scope: CaseScope,
  body: StatementBody,
): Promise<StatementView> {
  await checkReadableSection(services, scope, body.document, body.section, 'own statement');
  const row: OwnStatementsTable = {
    id: randomUUID(),
    case_id: scope.caseId,
    document: body.document,
    section: body.section,
    passage: body.passage ? body.passage : null,
    text: body.text,
    author_id: scope.audit.actor.userId,
    author_name: scope.audit.actor.name,
    author_role: scope.role,
    created_at: scope.now.toISOString(),
  };
  // The statement and the professionals' inbox items together (inbox/rightsRequested.ts).
  await services.db.transaction().execute(async (trx) => {
    await rightsDb(trx as unknown as AppDb)
      .insertInto('own_statements')
      .values(row)
      .execute();
    await noteRightsRequest(
      trx as unknown as AppDb,
      {
        kind: 'own-statement-added',
        caseId: scope.caseId,
        id: row.id,
        document: body.document,
        section: body.section,
        byUserId: row.author_id,
        byRole: scope.role,
      },
      scope.now,
    );
  });
  // The document id in the entry, so the young person reads "de analyse: een eigen verklaring".
  await scope.log('create', 'success', `${documentId(scope.caseId, body.document)} own statement ${row.id}`);
  services.caseEvents.changed({
    caseId: scope.caseId,
    kind: 'rights',
    documentId: documentId(scope.caseId, body.document),
  });
  return present(row);
}
