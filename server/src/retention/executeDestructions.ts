/**
 * Executes approved destruction requests: participants (and open invitations) go first so nobody can
 * open the case any more, with the client accounts that existed only for this case, then every
 * document of the case is deleted from the document store, then the case row's personal data is wiped,
 * and last the freed space is scrubbed so no copy stays readable in the database files or their WAL.
 * What remains: the case id with region and municipality (the RET monitor counts them), the request
 * record, and the access log — who did what, when (NEN 7513, kept at least 5 years), never content.
 *
 * Runs right after an approval and may run on a timer (idempotent; a failed case is retried next time).
 */
import { sql } from 'kysely';
import type { LogEntryInput } from '../audit/accessLog.js';
import { SYSTEM_ACTOR } from '../audit/caseAudit.js';
import { recheckLiveAccess } from '../cases/caseCommands.js';
import { caseDb } from '../cases/caseDb.js';
import { listCaseDocuments } from '../cases/caseDocuments.js';
import type { AppDb } from '../db/database.js';
import { deleteCaseVersions } from '../documents/documentVersions.js';
import { deleteCaseEndorsements } from '../endorsements/endorsements.js';
import { deleteCaseVotes } from '../endorsements/hypothesisVotes.js';
import { forgetPushes } from '../escalation/notifier.js';
import { deleteCaseMeetings } from '../meetings/meetingRecords.js';
import { deleteCasePlan } from '../plan/futurePlans.js';
import type { AppServices } from '../services.js';
import { caseOnlyClientAccounts, removeAccounts } from './caseAccounts.js';
import { scrubFreedSpace } from './scrubFreedSpace.js';

/** What replaces personal data in a destroyed case. */
export const DESTROYED = '[vernietigd]';

async function wipeEscalationContent(db: AppDb, caseId: string): Promise<void> {
  await sql`UPDATE escalation_steps SET bottleneck = ${DESTROYED}, tried = ${DESTROYED}, analysis_snapshot = NULL
            WHERE case_id = ${caseId}`.execute(db);
  await sql`UPDATE commitments SET what = ${DESTROYED} WHERE case_id = ${caseId}`.execute(db);
}

export interface DestructionRun {
  /** Request ids executed in this run. */
  executed: string[];
  /** Undecided requests past their 3-month deadline (to be decided; nothing is destroyed without a decision). */
  overdue: string[];
}

const runs = new WeakMap<AppServices, Promise<unknown>>();
/** Instances whose last scrub after a destruction failed: the next run (timer or decision) tries again. */
const scrubOwed = new WeakSet<AppServices>();

/** Serialised per instance, so the timer and a decision never destroy the same case at once. */
export function executeDueDestructions(services: AppServices): Promise<DestructionRun> {
  const run = (runs.get(services) ?? Promise.resolve()).catch(() => {}).then(() => runOnce(services));
  runs.set(services, run);
  return run;
}

async function runOnce(services: AppServices): Promise<DestructionRun> {
  const db = caseDb(services.db);
  const now = services.clock();
  const approved = await db
    .selectFrom('destruction_requests')
    .leftJoin('users', 'users.id', 'destruction_requests.decided_by')
    .select([
      'destruction_requests.id',
      'destruction_requests.case_id',
      'users.name as decider',
      'users.role as decider_role',
    ])
    .where('destruction_requests.decision', '=', 'approved')
    .where('destruction_requests.executed_at', 'is', null)
    .orderBy('destruction_requests.decided_at')
    .execute();
  const executed: string[] = [];
  for (const request of approved) {
    // On whose responsibility: the person who approved the request.
    const actor = {
      ...SYSTEM_ACTOR,
      responsible: `besluit ${request.decider ?? 'onbekend'} (${request.decider_role ?? '-'})`,
    };
    try {
      if (await destroyCase(services, request.id, request.case_id, actor)) executed.push(request.id);
    } catch (err) {
      services.log.error(
        { err, caseId: request.case_id, requestId: request.id },
        'destruction failed; retried on the next run',
      );
      await services.accessLog.append({
        event: 'destroy',
        caseId: request.case_id,
        actor,
        source: 'server retention',
        outcome: 'failure',
        detail: `destruction request ${request.id}: ${(err as Error).message}`.slice(0, 300),
      });
    }
  }
  const overdue = await db
    .selectFrom('destruction_requests')
    .select('id')
    .where('decision', 'is', null)
    .where('due_by', '<', now.toISOString())
    .execute();
  if (executed.length > 0 || scrubOwed.has(services)) await scrub(services);
  if (overdue.length > 0)
    services.log.warn({ requests: overdue.map((r) => r.id) }, 'destruction requests past their deadline');
  return { executed, overdue: overdue.map((r) => r.id) };
}

async function scrub(services: AppServices): Promise<void> {
  try {
    await scrubFreedSpace(services);
    scrubOwed.delete(services);
  } catch (err) {
    // The rows are deleted either way; their old bytes are scrubbed on the next run.
    scrubOwed.add(services);
    services.log.error({ err }, 'scrubbing freed space after a destruction failed; retried on the next run');
  }
}

async function destroyCase(
  services: AppServices,
  requestId: string,
  caseId: string,
  actor: LogEntryInput['actor'],
): Promise<boolean> {
  const db = caseDb(services.db);
  const log = (event: 'delete' | 'destroy', detail: string) =>
    services.accessLog.append({ event, caseId, actor, source: 'server retention', outcome: 'success', detail });
  const accounts = await services.db.transaction().execute(async (trx) => {
    const caseOnly = await caseOnlyClientAccounts(trx, caseId);
    await trx.deleteFrom('participants').where('case_id', '=', caseId).execute();
    await trx.deleteFrom('invitations').where('case_id', '=', caseId).execute();
    return removeAccounts(trx, caseOnly);
  });
  await recheckLiveAccess(services, caseId);
  await log('delete', 'participants and invitations removed');
  // How many, not whose: the names went with the accounts.
  await log('delete', `${accounts} client accounts that existed only for this case removed`);

  for (const doc of await listCaseDocuments(services.db, caseId)) {
    // Out of memory first (with its queued writes landed), or an unload would write it back.
    await services.collab?.evict(doc.docId);
    await services.store.delete(doc.docId);
    await log('delete', `document ${doc.docId} deleted from the document store`);
  }

  // Versions, endorsements and votes are document content. The escalation history keeps its levels
  // and dates (the RET monitor counts referrals) but loses its words and the analysis snapshot.
  await deleteCaseVersions(services.db, caseId);
  await deleteCaseEndorsements(services.db, caseId);
  await deleteCaseVotes(services.db, caseId);
  await wipeEscalationContent(services.db, caseId);
  // Meetings are case content too (agenda, attendance, decisions, the read-back).
  await deleteCaseMeetings(services.db, caseId);
  await forgetPushes(services.db, caseId);
  await deleteCasePlan(services.db, caseId);
  await log('delete', 'versions, endorsements, votes, meetings and escalation texts removed');

  const destroyedAt = services.clock().toISOString();
  const done = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cases')
      .set({
        young_person_name: DESTROYED,
        date_of_birth: DESTROYED,
        responsible_scientist_id: null,
        parents_consent: 0,
        problem_categories: '[]',
        attends_school: null,
        destroyed_at: destroyedAt,
      })
      .where('id', '=', caseId)
      .execute();
    await trx.deleteFrom('case_documents').where('case_id', '=', caseId).execute();
    // Comments are content of the documents: they go with them.
    await trx.deleteFrom('comments').where('case_id', '=', caseId).execute();
    // The request's reason is the young person's own words about the case: personal data too.
    const marked = await trx
      .updateTable('destruction_requests')
      .set({ executed_at: destroyedAt, reason: DESTROYED })
      .where('id', '=', requestId)
      .where('executed_at', 'is', null)
      .executeTakeFirst();
    return Number(marked.numUpdatedRows) === 1;
  });
  if (!done) return false;
  await log('delete', 'personal data of the case wiped; comments deleted');
  await log('destroy', `case destroyed on request ${requestId}`);
  return true;
}
