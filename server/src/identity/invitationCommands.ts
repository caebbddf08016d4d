/**
 * The case side of invitations: make, list, revoke, and write expiries to the access log. The routes
 * enter the case through the gate first (cases/caseGate.ts) with `invitePolicy`, so an expired or
 * read-only participant, or one whose role may not invite (domain/invitations.ts), never gets here.
 * Every invitation's life is in the access log under its public `ref`, never its secret id, so the
 * young person sees it and nobody reading the log can use it.
 */
import type { CreateInvitationRequest, CreateInvitationResponse, InvitationSummary, Role } from '@samenspraak/shared';
import { SYSTEM_ACTOR } from '../audit/caseAudit.js';
import type { CaseScope } from '../cases/caseGate.js';
import { inviterOf } from '../cases/casePolicies.js';
import { invitableRoles } from '../domain/invitations.js';
import { Conflict, type DomainError, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { invitationDb } from './invitationDb.js';
import { createInvitation, invitationLink, invitationRef, invitationState } from './invitations.js';

async function refuse(scope: CaseScope, error: DomainError, what: string): Promise<never> {
  await scope.log('create', 'failure', `${what}: ${error.message}`);
  throw error;
}

export async function inviteToCase(
  services: AppServices,
  scope: CaseScope,
  body: CreateInvitationRequest,
): Promise<CreateInvitationResponse> {
  const what = `invitation (${body.role})`;
  if (scope.facts.closed) return refuse(scope, new Conflict('the case is closed', 'case_closed'), what);
  const db = invitationDb(services.db);
  if (body.role === 'jeugdige') {
    // A case has exactly one young person: the one recorded at registration.
    const present = await db
      .selectFrom('participants')
      .select('user_id')
      .where('case_id', '=', scope.caseId)
      .where('role', '=', 'jeugdige')
      .executeTakeFirst();
    if (present)
      return refuse(scope, new Conflict('the case already has its young person', 'young_person_exists'), what);
    const open = await db
      .selectFrom('invitations')
      .select(['used_at', 'revoked_at', 'expires_at', 'attempts'])
      .where('case_id', '=', scope.caseId)
      .where('role', '=', 'jeugdige')
      .execute();
    if (open.some((inv) => invitationState(inv, scope.now) === 'open')) {
      return refuse(
        scope,
        new Conflict('the young person already has an open invitation; revoke it first', 'invitation_open'),
        what,
      );
    }
  }
  const name = body.role === 'jeugdige' ? scope.row.young_person_name : body.name;
  const made = await createInvitation(services.db, services.authKey, {
    caseId: scope.caseId,
    role: body.role,
    name,
    createdBy: scope.audit.actor.userId,
    now: scope.now,
  });
  await scope.log('create', 'success', `invitation ${invitationRef(made.invitationId)} (${body.role}) created`);
  return {
    invitationId: made.invitationId,
    link: invitationLink(made.invitationId),
    code: made.code,
    expiresAt: made.expiresAt.toISOString(),
  };
}

/** Invitations of roles this person may invite, newest first; refs, never the ids of the links. */
export async function listInvitations(services: AppServices, scope: CaseScope): Promise<InvitationSummary[]> {
  const roles = invitableRoles(inviterOf(scope));
  const rows = await invitationDb(services.db)
    .selectFrom('invitations')
    .selectAll()
    .where('case_id', '=', scope.caseId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows
    .filter((r) => roles.includes(r.role as Role))
    .map((r) => ({
      ref: invitationRef(r.id),
      role: r.role as InvitationSummary['role'],
      name: r.name,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      state: invitationState(r, scope.now),
    }));
}

export async function revokeInvitation(services: AppServices, scope: CaseScope, ref: string): Promise<void> {
  const db = invitationDb(services.db);
  const roles = invitableRoles(inviterOf(scope));
  const rows = await db.selectFrom('invitations').selectAll().where('case_id', '=', scope.caseId).execute();
  const inv = rows.find((r) => invitationRef(r.id) === ref && roles.includes(r.role as Role));
  if (!inv || invitationState(inv, scope.now) !== 'open') {
    await scope.log('delete', 'failure', `invitation ${ref}: no open invitation`);
    throw new NotFound('no open invitation with this reference');
  }
  await db
    .updateTable('invitations')
    .set({ revoked_at: scope.now.toISOString() })
    .where('id', '=', inv.id)
    .where('used_at', 'is', null)
    .execute();
  await scope.log('delete', 'success', `invitation ${ref} (${inv.role}) revoked`);
}

/**
 * Writes each invitation of the case that expired unused to the access log, once (the mark is taken
 * before the entry, so two readers cannot both write it). Called before the log is read.
 */
export async function logExpiredInvitations(services: AppServices, caseId: string): Promise<void> {
  const db = invitationDb(services.db);
  const now = services.clock().toISOString();
  const expired = await db
    .selectFrom('invitations')
    .select(['id', 'role', 'expires_at'])
    .where('case_id', '=', caseId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expiry_logged_at', 'is', null)
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .execute();
  for (const inv of expired) {
    const marked = await db
      .updateTable('invitations')
      .set({ expiry_logged_at: now })
      .where('id', '=', inv.id)
      .where('expiry_logged_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) continue;
    try {
      await services.accessLog.append({
        event: 'delete',
        caseId,
        actor: SYSTEM_ACTOR,
        source: 'local invitations',
        outcome: 'success',
        detail: `invitation ${invitationRef(inv.id)} (${inv.role}) expired at ${inv.expires_at}`,
      });
    } catch (err) {
      // Not written: leave it for the next reader rather than lose the entry.
      await db.updateTable('invitations').set({ expiry_logged_at: null }).where('id', '=', inv.id).execute();
      throw err;
    }
  }
}

/** The periodic sweep: every case with an invitation that ran out unused gets its entry, read or not. */
export async function logAllExpiredInvitations(services: AppServices): Promise<number> {
  const cases = await invitationDb(services.db)
    .selectFrom('invitations')
    .select('case_id')
    .distinct()
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expiry_logged_at', 'is', null)
    .where('expires_at', '<=', services.clock().toISOString())
    .execute();
  for (const c of cases) await logExpiredInvitations(services, c.case_id);
  return cases.length;
}
