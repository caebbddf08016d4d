/**
 * The answers of the HTTP API against their shared contracts (shared/src/*Schemas.ts, documentContracts.ts):
 * a real server, real requests, and every answer parsed with the zod schema the client reads it by.
 * Parsing must succeed and must keep everything (no field the contract does not name), so a drift
 * between what the server sends and what shared/ says fails here.
 */
import {
  AcceptInvitationResponseSchema,
  AccessLogResponseSchema,
  CaseDetailResponseSchema,
  CaseExportSchema,
  CasesResponseSchema,
  ClockFactsResponseSchema,
  ClockFactsUpdateResponseSchema,
  CreateInvitationResponseSchema,
  documentId,
  EndorsementsResponseSchema,
  EscalationResponseSchema,
  EscalationStepResponseSchema,
  HelpDisagreementResponseSchema,
  HelpDisagreementsResponseSchema,
  InvitationsResponseSchema,
  JointRiskResponseSchema,
  JointRisksResponseSchema,
  LoginResponseSchema,
  LogoutAllResponseSchema,
  MeetingResponseSchema,
  MeetingsResponseSchema,
  MeResponseSchema,
  NotificationsResponseSchema,
  PlacementDecisionResponseSchema,
  PlacementDecisionsResponseSchema,
  PlainEscalationResponseSchema,
  RegionSettingsResponseSchema,
  TestClockResponseSchema,
  VersionResponseSchema,
  VersionsResponseSchema,
} from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createProfessional } from '../../src/identity/users.js';
import { bornYearsAgo, type CaseHarness, START, startCaseServer } from '../cases/support.js';
import { regionAdmin } from '../decisions/support.js';
import { type LadderTeam, ladderTeam, STEP, signOffAnalysis, writeAnalysis } from '../escalation/support.js';
import { Browser, PASSWORD, totpCode } from '../identity/harness.js';

let h: CaseHarness;
let team: LadderTeam;
const dateOfBirth = bornYearsAgo(START, 15);

/** The answer has the expected status and is exactly what its contract describes. */
function answers<S extends z.ZodType>(schema: S, res: { status: number; body: unknown }, status = 200): z.infer<S> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues ?? [], JSON.stringify(res.body).slice(0, 2000)).toEqual([]);
  // z.object drops keys it does not know: an equal result means the server sent nothing unnamed.
  expect(parsed.data).toEqual(res.body);
  return parsed.data as z.infer<S>;
}

beforeAll(async () => {
  h = await startCaseServer({ testClock: true });
  team = await ladderTeam(h);
  await writeAnalysis(h, team.caseId, 'hypothese: hechting');
});
afterAll(async () => {
  await h?.close();
});

describe('HTTP answers match their shared contracts', () => {
  it('login (password, TOTP), me and logout everywhere', async () => {
    const created = await createProfessional(
      h.db,
      {
        login: 'contract@example.nl',
        name: 'Carla Contract',
        role: 'procesregisseur',
        organisation: 'RET Alkmaar',
        password: PASSWORD,
      },
      h.now(),
    );
    const browser = new Browser(h.server.url);
    const first = answers(
      LoginResponseSchema,
      await browser.post('/api/auth/login', { login: 'contract@example.nl', password: PASSWORD }),
    );
    expect(first.next).toBe('totp');
    const second = answers(
      LoginResponseSchema,
      await browser.post('/api/auth/totp', { code: totpCode(created.totpSecret, h.now()) }),
    );
    expect(second.next).toBe('done');
    const me = answers(MeResponseSchema, await browser.get('/api/auth/me'));
    expect(me.user.name).toBe('Carla Contract');
    answers(LogoutAllResponseSchema, await browser.post('/api/auth/logout-all'));
  });

  it('cases list and case detail', async () => {
    const list = answers(CasesResponseSchema, await h.api(team.regisseur, 'GET', '/api/cases'));
    expect(list.cases.map((c) => c.id)).toContain(team.caseId);
    answers(CaseDetailResponseSchema, await h.api(team.regisseur, 'GET', `/api/cases/${team.caseId}`));
  });

  it('escalation step and view, clock facts read and written, notifications', async () => {
    const base = `/api/cases/${team.caseId}`;
    // The measure clock runs where the region uses the West-Friesland rule (004 actie 4).
    const admin = await regionAdmin(h, 'Alkmaar (Noord-Kennemerland)');
    const region = `/api/regions/${encodeURIComponent('Alkmaar (Noord-Kennemerland)')}/settings`;
    answers(RegionSettingsResponseSchema, await h.api(admin, 'PUT', region, { westFrieslandRule: true }));
    answers(RegionSettingsResponseSchema, await h.api(admin, 'GET', region));
    answers(
      EscalationStepResponseSchema,
      await h.api(team.lokaal, 'POST', `${base}/escalation`, { to: 'ret', ...STEP }),
      201,
    );
    const written = answers(
      ClockFactsUpdateResponseSchema,
      await h.api(team.gi, 'PUT', `${base}/clock-facts`, { measureStartedAt: '2026-01-01' }),
    );
    expect(written.notices.map((n) => n.kind)).toContain('measure-escalation');
    answers(ClockFactsResponseSchema, await h.api(team.regisseur, 'GET', `${base}/clock-facts`));
    const view = answers(EscalationResponseSchema, await h.api(team.regisseur, 'GET', `${base}/escalation`));
    expect(view.level).toBe('ret');
    const notes = answers(NotificationsResponseSchema, await h.api(team.gi, 'GET', '/api/notifications'));
    expect(notes.notifications.length).toBeGreaterThan(0);
  });

  it('meetings, versions and endorsements', async () => {
    const meetings = `/api/cases/${team.caseId}/meetings`;
    const schedule = {
      title: 'MDO Noor',
      scheduledAt: '2026-03-02T14:00:00+01:00',
      agenda: ['School'],
      inviteeUserIds: [],
    };
    answers(MeetingResponseSchema, await h.api(team.regisseur, 'POST', meetings, schedule), 201);
    const list = answers(MeetingsResponseSchema, await h.api(team.regisseur, 'GET', meetings));
    expect(list.meetings).toHaveLength(1);
    const doc = `/api/documents/${documentId(team.caseId, 'analysis')}`;
    answers(VersionResponseSchema, await h.api(team.scientist, 'POST', `${doc}/versions`, { name: 'concept' }), 201);
    const versions = answers(VersionsResponseSchema, await h.api(team.scientist, 'GET', `${doc}/versions`));
    expect(versions.versions).toHaveLength(1);
    answers(EndorsementsResponseSchema, await h.api(team.scientist, 'GET', `${doc}/endorsements`));
  });

  it('invitation created and accepted', async () => {
    const base = `/api/cases/${team.caseId}/invitations`;
    const inv = answers(
      CreateInvitationResponseSchema,
      await h.api(team.regisseur, 'POST', base, { role: 'ouder', name: 'Mo Jansen' }),
      201,
    );
    answers(InvitationsResponseSchema, await h.api(team.regisseur, 'GET', base));
    const accepted = answers(
      AcceptInvitationResponseSchema,
      await new Browser(h.server.url).post(`/api/invitations/${inv.invitationId}/accept`, {
        code: inv.code,
        login: 'mo.jansen',
        password: PASSWORD,
        dateOfBirth,
      }),
      201,
    );
    expect(accepted.caseId).toBe(team.caseId);
  });

  it('the dossier export (JSON) and the access log', async () => {
    const base = `/api/cases/${team.caseId}`;
    const x = answers(CaseExportSchema, await h.api(team.youngPerson, 'POST', `${base}/export`));
    expect(x.meetings).toHaveLength(1);
    expect(x.documents.find((d) => d.type === 'analysis')?.versions).toHaveLength(1);
    answers(AccessLogResponseSchema, await h.api(team.youngPerson, 'GET', `${base}/access-log`));
  });

  // After the export test: the sign-off adds a version of the analysis.
  it('placement decisions, joint risks, disagreements, the plain escalation view', async () => {
    const base = `/api/cases/${team.caseId}`;
    await signOffAnalysis(h, team);
    const decision = { kind: 'uithuisplaatsing', decision: 'Gezinshuis', followsAnalysis: false, departureReason: 'x' };
    answers(
      PlacementDecisionResponseSchema,
      await h.api(team.gi, 'POST', `${base}/placement-decisions`, decision),
      201,
    );
    answers(PlacementDecisionsResponseSchema, await h.api(team.gi, 'GET', `${base}/placement-decisions`));
    const risks = { risks: [{ risk: 'weglopen', bornBy: ['ouders', 'gi'] }] };
    const record = answers(JointRiskResponseSchema, await h.api(team.gi, 'POST', `${base}/joint-risks`, risks), 201);
    answers(
      JointRiskResponseSchema,
      await h.api(team.gi, 'POST', `${base}/joint-risks/${record.record.id}/agreements`, { party: 'gi' }),
      201,
    );
    answers(JointRisksResponseSchema, await h.api(team.parent, 'GET', `${base}/joint-risks`));
    const disagreement = { helpStarted: 'ambulant', giView: 'a', localTeamView: 'b' };
    answers(
      HelpDisagreementResponseSchema,
      await h.api(team.lokaal, 'POST', `${base}/help-disagreements`, disagreement),
      201,
    );
    answers(HelpDisagreementsResponseSchema, await h.api(team.gi, 'GET', `${base}/help-disagreements`));
    answers(PlainEscalationResponseSchema, await h.api(team.youngPerson, 'GET', `${base}/escalation/plain`));
  });

  it('the test clock', async () => {
    answers(TestClockResponseSchema, await h.api(null, 'GET', '/api/test/clock'));
    const now = h.now().toISOString();
    const set = answers(TestClockResponseSchema, await h.api(team.regisseur, 'PUT', '/api/test/clock', { now }));
    expect(set.now).toBe(now);
  });
});
