/**
 * Escalation commands: each runs after the gate, checks the domain rule against the case's state,
 * writes, and logs its outcome (a refusal too: who tried what and why not — never the content).
 */
import crypto from 'node:crypto';
import {
  addAmsterdamDays,
  type BreakthroughSessionBody,
  type BreakthroughSessionView,
  type CommitmentBody,
  type EscalateBody,
} from '@samenspraak/shared';
import type { Insertable } from 'kysely';
import type { CaseScope } from '../cases/caseGate.js';
import { signedOffAnalysis } from '../decisions/signedOffAnalysis.js';
import { addToInbox } from '../inbox/inbox.js';
import { breakthroughInvitationItem } from '../inbox/inboxItems.js';
import { Conflict, type DomainError, Forbidden, Invalid, notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { type EscalationStepsTable, escalationDb } from './escalationDb.js';
import { type CommitmentRecord, loadState, snapshotAnalysis } from './escalationState.js';
import { buildStep } from './ladder.js';

/** A breakthrough session is one meeting; the follow-up counts from its end. */
export const SESSION_HOURS = 2;

async function refuse(scope: CaseScope, error: DomainError, event: 'update' | 'create' = 'update'): Promise<never> {
  await scope.log(event, error instanceof Forbidden ? 'denied' : 'failure', error.message);
  throw error;
}

async function stepExists(services: AppServices, caseId: string, position: number): Promise<boolean> {
  const row = await escalationDb(services.db)
    .selectFrom('escalation_steps')
    .select('id')
    .where('case_id', '=', caseId)
    .where('position', '=', position)
    .executeTakeFirst();
  return row !== undefined;
}

export async function escalate(services: AppServices, scope: CaseScope, body: EscalateBody) {
  const insertStep = (values: Insertable<EscalationStepsTable>) =>
    escalationDb(services.db).insertInto('escalation_steps').values(values).execute();
  const state = await loadState(services, scope.caseId, scope.now);
  const context = {
    from: state.level,
    to: body.to,
    role: scope.role,
    doorbraakaanpak: body.doorbraakaanpak === true,
    westFriesland: state.westFriesland,
    analysisSignedOff: state.analysisSignedOff,
    dbtSettled: state.dbtSettled,
  };
  // The snapshot is taken by the server, at the moment of the decision, whatever the client holds.
  const snapshot = await snapshotAnalysis(services, scope.caseId);
  // The signed-off version the step rests on, shown later as readable text (domain §5: "carries the analysis").
  const signedOff = await signedOffAnalysis(services.db, scope.caseId);
  const result = buildStep(context, {
    bottleneck: body.bottleneck,
    tried: body.tried,
    decidedBy: scope.audit.actor.userId,
    decidedAt: scope.now,
    analysis: { documentId: snapshot.documentId, version: snapshot.version },
  });
  if (!result.ok) {
    const reason = `${state.level} → ${body.to}: ${result.reason}`;
    const error =
      result.code === 'role'
        ? new Forbidden(reason)
        : result.code === 'ladder'
          ? new Conflict(reason, result.errorId)
          : new Invalid(reason);
    return refuse(scope, error);
  }
  const id = crypto.randomUUID();
  try {
    await insertStep({
      id,
      case_id: scope.caseId,
      position: state.steps.length,
      from_level: state.level,
      to_level: body.to,
      bottleneck: result.step.bottleneck,
      tried: result.step.tried,
      decided_by: scope.audit.actor.userId,
      decided_by_role: scope.role,
      decided_at: scope.now.toISOString(),
      analysis_doc_id: snapshot.documentId,
      analysis_version: snapshot.version,
      analysis_snapshot: snapshot.state,
      analysis_version_id: signedOff?.versionId ?? null,
      doorbraakaanpak: context.doorbraakaanpak ? 1 : 0,
    });
  } catch (err) {
    // Another step for this case landed between reading the level and writing: decide again.
    if (await stepExists(services, scope.caseId, state.steps.length)) {
      return refuse(
        scope,
        new Conflict('the case was escalated meanwhile; reload and decide again', 'transition_refused'),
      );
    }
    throw err;
  }
  await scope.log('update', 'success', `escalation ${state.level} → ${body.to}`);
  return {
    id,
    from: state.level,
    to: body.to,
    analysisSnapshot: { documentId: snapshot.documentId, version: snapshot.version },
    doorbraakaanpak: context.doorbraakaanpak,
  };
}

export async function createSession(
  services: AppServices,
  scope: CaseScope,
  body: BreakthroughSessionBody,
): Promise<BreakthroughSessionView> {
  const state = await loadState(services, scope.caseId, scope.now);
  if (state.level !== 'dbt') {
    return refuse(
      scope,
      new Conflict('a breakthrough session needs the case to be escalated to the dbt', 'not_escalated'),
    );
  }
  const scheduled = new Date(body.scheduledAt);
  const ends = new Date(scheduled.getTime() + SESSION_HOURS * 3_600_000);
  // Follow-up days are local calendar days: access ends at the same local time of day as the session.
  const followUp = addAmsterdamDays(ends, body.followUpDays);
  const session = {
    id: crypto.randomUUID(),
    case_id: scope.caseId,
    scheduled_at: scheduled.toISOString(),
    ends_at: ends.toISOString(),
    follow_up_until: followUp.toISOString(),
    created_by: scope.audit.actor.userId,
    created_at: scope.now.toISOString(),
  };
  await escalationDb(services.db).insertInto('breakthrough_sessions').values(session).execute();
  await scope.log('create', 'success', `breakthrough session ${session.id}`);
  return {
    id: session.id,
    scheduledAt: session.scheduled_at,
    endsAt: session.ends_at,
    followUpUntil: session.follow_up_until,
  };
}

/** The breakthrough sessions of a case with their invitations, latest first. */
export async function listSessions(services: AppServices, caseId: string): Promise<BreakthroughSessionView[]> {
  const db = escalationDb(services.db);
  const sessions = await db
    .selectFrom('breakthrough_sessions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('scheduled_at', 'desc')
    .execute();
  const invitations = await db.selectFrom('dbt_invitations').selectAll().where('case_id', '=', caseId).execute();
  return sessions.map((s) => ({
    id: s.id,
    scheduledAt: s.scheduled_at,
    endsAt: s.ends_at,
    followUpUntil: s.follow_up_until,
    outcome: s.outcome,
    invitations: invitations
      .filter((i) => i.session_id === s.id)
      .map((i) => ({ userId: i.user_id, invitedAt: i.invited_at })),
  }));
}

/** A director with mandate joins the case as dbt-lid; the participation ends with the follow-up. */
export async function inviteDirector(services: AppServices, scope: CaseScope, sessionId: string, userId: string) {
  const db = escalationDb(services.db);
  const session = await db
    .selectFrom('breakthrough_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  if (!session) {
    await scope.log('update', 'failure', 'DBT invitation: unknown session');
    throw notFound('breakthrough session');
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'kind', 'role', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.kind !== 'professional' || user.role !== 'dbt-lid' || user.disabled) {
    return refuse(scope, new Invalid('userId: only an active professional with role dbt-lid can be invited'));
  }
  const existing = await db
    .selectFrom('participants')
    .select(['role', 'access_until'])
    .where('case_id', '=', scope.caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (existing && existing.role !== 'dbt-lid') {
    return refuse(scope, new Conflict(`the user already takes part in this case as ${existing.role}`));
  }
  await db.transaction().execute(async (trx) => {
    if (!existing) {
      await trx
        .insertInto('participants')
        .values({
          case_id: scope.caseId,
          user_id: userId,
          role: 'dbt-lid',
          added_at: scope.now.toISOString(),
          added_by: scope.audit.actor.userId,
          access_until: session.follow_up_until,
        })
        .execute();
    } else if (!existing.access_until || existing.access_until < session.follow_up_until) {
      // Invited to a later session: the participation lasts until the latest follow-up ends.
      await trx
        .updateTable('participants')
        .set({ access_until: session.follow_up_until })
        .where('case_id', '=', scope.caseId)
        .where('user_id', '=', userId)
        .execute();
    }
    await trx
      .insertInto('dbt_invitations')
      .values({
        session_id: sessionId,
        case_id: scope.caseId,
        user_id: userId,
        invited_by: scope.audit.actor.userId,
        invited_at: scope.now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
      .execute();
    await addToInbox(
      trx,
      [breakthroughInvitationItem(userId, scope.caseId, sessionId, session.scheduled_at)],
      scope.now,
    );
  });
  await scope.log('update', 'success', `DBT invitation ${sessionId} ${userId}`);
  return { sessionId, userId, role: 'dbt-lid' as const, accessUntil: session.follow_up_until };
}

export async function recordCommitment(services: AppServices, scope: CaseScope, body: CommitmentBody) {
  const db = escalationDb(services.db);
  const authorId = scope.audit.actor.userId;
  // The director's latest session on this case (the gate already checked the participation runs).
  const invitation = await db
    .selectFrom('dbt_invitations')
    .innerJoin('breakthrough_sessions', 'breakthrough_sessions.id', 'dbt_invitations.session_id')
    .select('breakthrough_sessions.id as id')
    .where('dbt_invitations.case_id', '=', scope.caseId)
    .where('dbt_invitations.user_id', '=', authorId)
    .orderBy('breakthrough_sessions.scheduled_at', 'desc')
    .executeTakeFirst();
  if (!invitation) return refuse(scope, new Forbidden('only a director invited to a breakthrough session commits'));
  const row = {
    id: crypto.randomUUID(),
    case_id: scope.caseId,
    session_id: invitation.id,
    author_id: authorId,
    organisation: body.organisation,
    what: body.what,
    law_or_budget: body.lawOrBudget,
    due_at: new Date(body.dueAt).toISOString(),
    met_at: null,
    met_by: null,
    created_at: scope.now.toISOString(),
    released_at: null,
    released_by: null,
    release_reason: null,
  };
  await db.insertInto('commitments').values(row).execute();
  await scope.log('create', 'success', `commitment ${row.id}`);
  const record: CommitmentRecord = {
    id: row.id,
    caseId: row.case_id,
    sessionId: row.session_id,
    authorId: authorId,
    organisation: body.organisation,
    what: body.what,
    lawOrBudget: body.lawOrBudget,
    dueAt: new Date(row.due_at),
    metAt: null,
  };
  return record;
}

export async function markCommitmentMet(services: AppServices, scope: CaseScope, commitmentId: string) {
  const db = escalationDb(services.db);
  const row = await db
    .selectFrom('commitments')
    .selectAll()
    .where('id', '=', commitmentId)
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  if (!row) {
    await scope.log('update', 'failure', 'commitment met: unknown commitment');
    throw notFound('commitment');
  }
  if (scope.role === 'dbt-lid' && row.author_id !== scope.audit.actor.userId) {
    return refuse(scope, new Forbidden('a director reports only their own commitment met'));
  }
  if (row.met_at || row.released_at)
    return refuse(scope, new Conflict('the commitment is already met or released', 'commitment_settled'));
  await db
    .updateTable('commitments')
    .set({ met_at: scope.now.toISOString(), met_by: scope.audit.actor.userId })
    .where('id', '=', commitmentId)
    .execute();
  await scope.log('update', 'success', `commitment met ${commitmentId}`);
  return { ...row, met_at: scope.now.toISOString(), met_by: scope.audit.actor.userId };
}
