/**
 * Escalation, breakthrough sessions, commitments, notifications and the monitor: thin routes —
 * validate the body (400 before anything is read or written), enter the case through the gate (which
 * logs refusals), run the command (which logs its outcome), present. Rules live in server/src/domain.
 */
import {
  BreakthroughSessionBodySchema,
  BreakthroughSessionResponseSchema,
  type CaseChanged,
  ClockFactsBodySchema,
  ClockFactsResponseSchema,
  ClockFactsUpdateResponseSchema,
  CommitmentBodySchema,
  CommitmentMetResponseSchema,
  CommitmentReleaseBodySchema,
  CommitmentReleaseResponseSchema,
  CommitmentResponseSchema,
  DirectorInvitationResponseSchema,
  EscalateBodySchema,
  type EscalationResponse,
  EscalationResponseSchema,
  EscalationStepResponseSchema,
  InvitationBodySchema,
  MonitorResponseSchema,
  NotificationsResponseSchema,
  PlainEscalationResponseSchema,
  type Role,
  SessionOutcomeBodySchema,
  SessionOutcomeResponseSchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import type { ZodType } from 'zod';
import type { CaseScope, GateRule } from '../cases/caseGate.js';
import { httpGate } from '../cases/httpGate.js';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { Forbidden } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { CLOCK_FACTS_POLICY, presentFacts, setClockFacts } from './clockFacts.js';
import { recordSessionOutcome, releaseCommitment } from './dbtFollowUp.js';
import {
  createSession,
  escalate,
  inviteDirector,
  listSessions,
  markCommitmentMet,
  recordCommitment,
} from './escalationCommands.js';
import { ESCALATION_POLICIES } from './escalationPolicies.js';
import { loadCaseRow, loadState, presentCommitment } from './escalationState.js';
import { overdueCommitments } from './ladder.js';
import { buildMonitor, monitorScopeFor } from './monitor.js';
import { monitorCsv, monitorFileName, monitorPdf } from './monitorExport.js';
import { notificationsFor } from './notifications.js';
import { plainEscalation } from './plainView.js';

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

export function escalationRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const auditOf = gate.audit;
  const enter = (req: Request, res: Response, rule: GateRule) => gate.enterCase(req, res, param(req, 'id'), rule);
  const changed = (caseId: string, kind: CaseChanged['kind']) => services.caseEvents.changed({ caseId, kind });
  /** A change with a body: the body is checked first (400 before anything is read), then the gate, the command, the live event. */
  const change = async <B, R>(
    req: Request,
    res: Response,
    schema: ZodType<B>,
    rule: GateRule,
    kind: CaseChanged['kind'],
    run: (scope: CaseScope, body: B) => Promise<R>,
  ): Promise<{ scope: CaseScope; result: R }> => {
    actorOf(res);
    const body = parseBody(schema, req.body);
    const scope = await enter(req, res, rule);
    const result = await run(scope, body);
    changed(scope.caseId, kind);
    return { scope, result };
  };

  router.get('/cases/:id/escalation', async (req, res) => {
    const scope = await enter(req, res, ESCALATION_POLICIES.read);
    const state = await loadState(services, scope.caseId, scope.now);
    await scope.log('read', 'success', 'escalation');
    const body: EscalationResponse = {
      level: state.level,
      history: state.steps,
      notices: state.notices,
      commitments: state.commitments.map((c) => presentCommitment(c, scope.now)),
      overdueCommitments: overdueCommitments(state.commitments, scope.now).map((c) => c.id),
      mayScaleDown: state.dbtSettled,
      sessions: await listSessions(services, scope.caseId),
      analysisSignedOff: state.analysisSignedOff,
      westFriesland: state.westFrieslandClock
        ? {
            contactDueAt: state.westFrieslandClock.contactDueAt.toISOString(),
            contactOverdue: state.westFrieslandClock.contactOverdue,
            escalationDueAt: state.westFrieslandClock.escalationDueAt.toISOString(),
            escalationOverdue: state.westFrieslandClock.escalationOverdue,
          }
        : null,
    };
    reply(res, EscalationResponseSchema, body);
  });

  /** The family's view: everyone with access to the case, the young person and parents first (SECURITY.md). */
  router.get('/cases/:id/escalation/plain', async (req, res) => {
    const scope = await enter(req, res, ESCALATION_POLICIES.plain);
    const state = await loadState(services, scope.caseId, scope.now);
    await scope.log('read', 'success', 'escalation (plain)');
    reply(res, PlainEscalationResponseSchema, plainEscalation(state, scope.now));
  });

  router.post('/cases/:id/escalation', async (req, res) => {
    const { result: step } = await change(
      req,
      res,
      EscalateBodySchema,
      ESCALATION_POLICIES.escalate,
      'escalation',
      (scope, body) => escalate(services, scope, body),
    );
    reply(res, EscalationStepResponseSchema, { step }, 201);
  });

  router.post('/cases/:id/breakthrough-sessions', async (req, res) => {
    const { result: session } = await change(
      req,
      res,
      BreakthroughSessionBodySchema,
      ESCALATION_POLICIES.session,
      'escalation',
      (scope, body) => createSession(services, scope, body),
    );
    reply(res, BreakthroughSessionResponseSchema, { session }, 201);
  });

  router.post('/cases/:id/breakthrough-sessions/:sid/invitations', async (req, res) => {
    const { result: invitation } = await change(
      req,
      res,
      InvitationBodySchema,
      ESCALATION_POLICIES.invite,
      'escalation',
      (scope, body) => inviteDirector(services, scope, param(req, 'sid'), body.userId),
    );
    reply(res, DirectorInvitationResponseSchema, { invitation }, 201);
  });

  router.post('/cases/:id/commitments', async (req, res) => {
    const { scope, result: record } = await change(
      req,
      res,
      CommitmentBodySchema,
      ESCALATION_POLICIES.commit,
      'commitments',
      (scope, body) => recordCommitment(services, scope, body),
    );
    reply(res, CommitmentResponseSchema, { commitment: presentCommitment(record, scope.now) }, 201);
  });

  router.post('/cases/:id/commitments/:cid/met', async (req, res) => {
    const scope = await enter(req, res, ESCALATION_POLICIES.commitmentMet);
    const row = await markCommitmentMet(services, scope, param(req, 'cid'));
    changed(scope.caseId, 'commitments');
    reply(res, CommitmentMetResponseSchema, { commitment: { id: row.id, status: 'met', metAt: row.met_at } });
  });

  router.post('/cases/:id/commitments/:cid/release', async (req, res) => {
    const { result: commitment } = await change(
      req,
      res,
      CommitmentReleaseBodySchema,
      ESCALATION_POLICIES.commitmentRelease,
      'commitments',
      (scope, body) => releaseCommitment(services, scope, param(req, 'cid'), body.reason),
    );
    reply(res, CommitmentReleaseResponseSchema, { commitment });
  });

  router.post('/cases/:id/breakthrough-sessions/:sid/outcome', async (req, res) => {
    const { result: session } = await change(
      req,
      res,
      SessionOutcomeBodySchema,
      ESCALATION_POLICIES.sessionOutcome,
      'escalation',
      (scope, body) => recordSessionOutcome(services, scope, param(req, 'sid'), body.outcome),
    );
    reply(res, SessionOutcomeResponseSchema, { session });
  });

  router.get('/cases/:id/clock-facts', async (req, res) => {
    const scope = await enter(req, res, ESCALATION_POLICIES.read);
    await scope.log('read', 'success', 'clock facts');
    reply(res, ClockFactsResponseSchema, { facts: presentFacts(await loadCaseRow(services, scope.caseId)) });
  });

  router.put('/cases/:id/clock-facts', async (req, res) => {
    const { result } = await change(req, res, ClockFactsBodySchema, CLOCK_FACTS_POLICY, 'escalation', (scope, body) =>
      setClockFacts(services, scope, body),
    );
    reply(res, ClockFactsUpdateResponseSchema, result);
  });

  router.get('/notifications', async (req, res) => {
    reply(res, NotificationsResponseSchema, { notifications: await notificationsFor(services, auditOf(req, res)) });
  });

  /** The monitor for the asker's own region or municipality; ?municipality= / ?region= only to name it again. */
  const monitorFor = async (req: Request, res: Response, what: string) => {
    const audit = auditOf(req, res);
    const q = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
    try {
      if (audit.actor.kind !== 'professional' || !audit.actor.userId)
        throw new Forbidden('the monitor is for professionals');
      const user = await services.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', audit.actor.userId)
        .executeTakeFirst();
      const scope = monitorScopeFor(
        {
          role: (user?.role ?? null) as Role | null,
          region: user?.region ?? null,
          municipality: user?.municipality ?? null,
        },
        { region: q('region'), municipality: q('municipality') },
      );
      const monitor = await buildMonitor(services, scope);
      await audit.log({
        event: what === 'monitor' ? 'read' : 'export',
        caseId: null,
        outcome: 'success',
        what: `${what}: ${scope.municipality ? `gemeente ${scope.municipality}` : `regio ${scope.region}`}`,
      });
      return monitor;
    } catch (e) {
      if (e instanceof Forbidden)
        await audit.log({ event: 'read', caseId: null, outcome: 'denied', what: `${what}: ${e.message}` });
      throw e;
    }
  };

  router.get('/monitor', async (req, res) => {
    reply(res, MonitorResponseSchema, { monitor: await monitorFor(req, res, 'monitor') });
  });

  router.get('/monitor.csv', async (req, res) => {
    const monitor = await monitorFor(req, res, 'monitor csv');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${monitorFileName(monitor)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(monitorCsv(monitor));
  });

  router.get('/monitor.pdf', async (req, res) => {
    const monitor = await monitorFor(req, res, 'monitor pdf');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${monitorFileName(monitor)}.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await monitorPdf(monitor));
  });

  return router;
}
