/**
 * The answers of the HTTP API against their shared contracts (shared/src/*Schemas.ts, documentContracts.ts):
 * a real server, real requests, and every answer parsed with the zod schema the client reads it by.
 * Parsing must succeed and must keep everything (no field the contract does not name), so a drift
 * between what the server sends and what shared/ says fails here.
 */
import {
  AcceptInvitationResponseSchema,
  AccessLogResponseSchema,
  AccountInfoSchema,
  AccountResponseSchema,
  AccountsResponseSchema,
  ActivationInfoSchema,
  AnalysisRequestResponseSchema,
  CaseDetailResponseSchema,
  CaseExportSchema,
  CaseRecordResponseSchema,
  CasesResponseSchema,
  ClockFactsResponseSchema,
  ClockFactsUpdateResponseSchema,
  ConsultationConvertedResponseSchema,
  ConsultationReceiptResponseSchema,
  ConsultationResponseSchema,
  ConsultationsResponseSchema,
  CreateInvitationResponseSchema,
  documentId,
  EndorsementResponseSchema,
  EndorsementsResponseSchema,
  EnrolmentLinkResponseSchema,
  EscalationResponseSchema,
  EscalationStepResponseSchema,
  HelpDisagreementResponseSchema,
  HelpDisagreementsResponseSchema,
  InboxReadResponseSchema,
  InboxResponseSchema,
  InvitationsResponseSchema,
  JointRiskResponseSchema,
  JointRisksResponseSchema,
  LoginResponseSchema,
  LogoutAllResponseSchema,
  MailPreferenceResponseSchema,
  MailsResponseSchema,
  MeetingResponseSchema,
  MeetingsResponseSchema,
  MeResponseSchema,
  NotificationsResponseSchema,
  OwnWordsPartsResponseSchema,
  PasswordResetResponseSchema,
  PlacementDecisionResponseSchema,
  PlacementDecisionsResponseSchema,
  PlainEscalationResponseSchema,
  ProcessDirectionResponseSchema,
  ProfessionalsResponseSchema,
  RecoveryCodesResponseSchema,
  RegionCasesResponseSchema,
  RegionSettingsResponseSchema,
  SECTIONS,
  SignOffFactResponseSchema,
  SignOffResponseSchema,
  SignOffStatusSchema,
  TestClockResponseSchema,
  VersionResponseSchema,
  VersionsResponseSchema,
} from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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

  it('registration, the professional directory and procesregie', async () => {
    const created = answers(
      CaseRecordResponseSchema,
      await h.api(team.regisseur, 'POST', '/api/cases', {
        youngPerson: { name: 'Contract Kind', dateOfBirth, municipality: 'Bergen' },
        region: 'Alkmaar (Noord-Kennemerland)',
        requester: 'jeugdige',
        question: 'Wat helpt?',
      }),
      201,
    );
    answers(ProfessionalsResponseSchema, await h.api(team.regisseur, 'GET', '/api/directory/professionals?q=a'));
    const added = await h.api(team.regisseur, 'POST', `/api/cases/${created.case.id}/participants`, {
      userId: team.scientist.id,
      role: 'gedragswetenschapper',
    });
    expect(added.status).toBe(201);
    answers(
      ProcessDirectionResponseSchema,
      await h.api(team.regisseur, 'POST', `/api/cases/${created.case.id}/process-direction`, {
        userId: team.scientist.id,
      }),
    );
  });

  it('consultation: the public receipt and the RET queue', async () => {
    const receipt = answers(
      ConsultationReceiptResponseSchema,
      await h.api(null, 'POST', '/api/consultations', {
        asker: 'ouder',
        region: 'Alkmaar (Noord-Kennemerland)',
        name: 'Ouder Contract',
        phone: '0612345678',
        question: 'Hoe verder?',
      }),
      201,
    );
    await h.db
      .updateTable('users')
      .set({ region: 'Alkmaar (Noord-Kennemerland)' })
      .where('id', '=', team.regisseur.id)
      .execute();
    const queue = answers(ConsultationsResponseSchema, await h.api(team.regisseur, 'GET', '/api/consultations'));
    const item = queue.consultations.find((c) => c.receipt === receipt.receipt);
    expect(item).toBeDefined();
    const id = item?.id ?? '';
    answers(ConsultationResponseSchema, await h.api(team.regisseur, 'GET', `/api/consultations/${id}`));
    answers(
      ConsultationConvertedResponseSchema,
      await h.api(team.regisseur, 'POST', `/api/consultations/${id}/convert`, {
        youngPerson: { name: 'Contract Consult', dateOfBirth, municipality: 'Bergen' },
        region: 'Alkmaar (Noord-Kennemerland)',
      }),
      201,
    );
    const second = answers(
      ConsultationReceiptResponseSchema,
      await h.api(null, 'POST', '/api/consultations', {
        asker: 'onderwijs',
        region: 'Alkmaar (Noord-Kennemerland)',
        name: 'School Contract',
        email: 'school@example.nl',
        question: 'Advies?',
      }),
      201,
    );
    const other = (await h.api<typeof queue>(team.regisseur, 'GET', '/api/consultations')).body.consultations.find(
      (c) => c.receipt === second.receipt,
    );
    answers(
      ConsultationResponseSchema,
      await h.api(team.regisseur, 'POST', `/api/consultations/${other?.id}/answer`, {
        answer: 'Gebeld.',
        outcome: 'advies-gegeven',
      }),
    );
  });

  it('the own-words parts of the analysis (002 Bijlage 1): list, and naming a recorder refused with words', async () => {
    const parts = answers(
      OwnWordsPartsResponseSchema,
      await h.api(team.regisseur, 'GET', `/api/cases/${team.caseId}/analysis/parts`),
    );
    expect(parts.parts[0]?.root).toBe('hulpvraag_jeugdige');
    const refused = await h.api(team.regisseur, 'PUT', `/api/cases/${team.caseId}/analysis/parts/nope/recorder`, {
      recorderId: team.regisseur.id,
    });
    expect(refused.status).toBe(404);
    expect((refused.body as { error: { id: string } }).error.id).toBe('own_words_part_unknown');
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

  it('the inbox and the mail preference', async () => {
    const comments = `/api/documents/${documentId(team.caseId, 'analysis')}/comments`;
    const first = await h.api<{ comment: { id: string } }>(team.youngPerson, 'POST', comments, {
      section: 'hulpvraag_jeugdige',
      text: 'Ik wil thuis blijven wonen.',
    });
    expect(first.status).toBe(201);
    const replied = await h.api(team.scientist, 'POST', comments, {
      section: 'hulpvraag_jeugdige',
      text: 'Dat schrijven we op.',
      parentId: first.body.comment.id,
    });
    expect(replied.status).toBe(201);
    const inbox = answers(InboxResponseSchema, await h.api(team.youngPerson, 'GET', '/api/inbox'));
    expect(inbox.items.map((i) => i.kind)).toContain('comment-reply');
    const id = inbox.items[0]?.id ?? '';
    answers(InboxReadResponseSchema, await h.api(team.youngPerson, 'POST', `/api/inbox/${id}/read`, {}));
    answers(InboxReadResponseSchema, await h.api(team.youngPerson, 'POST', '/api/inbox/read-all', {}));
    answers(MailPreferenceResponseSchema, await h.api(team.youngPerson, 'GET', '/api/me/mail-preference'));
    const put = { preference: 'daily' };
    answers(MailPreferenceResponseSchema, await h.api(team.youngPerson, 'PUT', '/api/me/mail-preference', put));
  });

  it('the mail outbox (functioneel beheerder)', async () => {
    const { enqueueMail } = await import('../../src/mail/outbox.js');
    await enqueueMail(
      h.db as never,
      { idempotencyKey: 'contract', userId: null, to: 'c@example.nl', kind: 'inbox-digest', link: '/', count: 2 },
      h.now(),
    );
    const beheerder = await h.user({ role: 'beheerder' });
    const view = answers(MailsResponseSchema, await h.api(beheerder, 'GET', '/api/admin/mails'));
    expect(view.mails.map((m) => m.to)).toContain('c@example.nl');
  });

  it('sign-off: status, facts, analysis request, endorsement and the sign-off itself', async () => {
    const docId = documentId(team.caseId, 'analysis');
    const doc = `/api/documents/${docId}`;
    await h.server.collab.applyServerChange(docId, (d) => {
      for (const s of SECTIONS.analysis.filter((x) => x.required)) {
        if (s.content === 'items') {
          const item = new Y.Map<unknown>();
          item.set('id', `h-${s.id}`);
          item.set('text', 'Een hypothese');
          d.getArray(s.id).push([item]);
        } else {
          const p = new Y.XmlElement('paragraph');
          p.insert(0, [new Y.XmlText(`${s.title.nl}: ingevuld.`)]);
          d.getXmlFragment(s.id).push([p]);
        }
      }
    });
    const request = await h.api(team.scientist, 'POST', `${doc}/analysis-request`);
    answers(AnalysisRequestResponseSchema, request, 201);
    answers(
      SignOffFactResponseSchema,
      await h.api(team.scientist, 'PUT', `${doc}/sign-off-facts`, {
        kind: 'education-consulted',
        words: 'Onderwijsconsulent',
        consultedOn: '2026-01-05',
      }),
    );
    const young = answers(SignOffStatusSchema, await h.api(team.youngPerson, 'GET', `${doc}/sign-off`));
    answers(
      EndorsementResponseSchema,
      await h.api(team.youngPerson, 'PUT', `${doc}/endorsement`, { stance: 'agree', versionHash: young.currentHash }),
    );
    const status = answers(SignOffStatusSchema, await h.api(team.scientist, 'GET', `${doc}/sign-off`));
    expect(status.missing).toEqual([]);
    const signed = answers(
      SignOffResponseSchema,
      await h.api(team.scientist, 'POST', `${doc}/sign-off`, { versionHash: status.currentHash }),
      201,
    );
    expect(signed.hash).toMatch(/^[0-9a-f]{64}$/);
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

  it('accounts: the beheerder’s list, creation, cases and actions; activation; recovery; own account', async () => {
    const made = await createProfessional(
      h.db,
      {
        login: 'beheer.contract@example.nl',
        name: 'Bea Beheer',
        role: 'beheerder',
        organisation: 'RET Alkmaar',
        region: 'Alkmaar (Noord-Kennemerland)',
        password: PASSWORD,
      },
      h.now(),
    );
    const admin = new Browser(h.server.url);
    await admin.post('/api/auth/login', { login: 'beheer.contract@example.nl', password: PASSWORD });
    expect((await admin.post('/api/auth/totp', { code: totpCode(made.totpSecret, h.now()) })).status).toBe(200);
    const created = answers(
      EnrolmentLinkResponseSchema,
      await admin.post('/api/admin/accounts', {
        name: 'Nina Nieuw',
        email: 'nina@example.nl',
        role: 'onderwijsconsulent',
        organisation: 'SWV',
      }),
      201,
    );
    answers(AccountsResponseSchema, await admin.get('/api/admin/accounts'));
    answers(RegionCasesResponseSchema, await admin.get('/api/admin/cases'));
    answers(AccountResponseSchema, await admin.post(`/api/admin/accounts/${created.account.id}/unlock`));
    const token = created.link.split('/').at(-1);
    const person = new Browser(h.server.url);
    const info = answers(ActivationInfoSchema, await person.get(`/api/activation/${token}`));
    const done = answers(
      RecoveryCodesResponseSchema,
      await person.post(`/api/activation/${token}`, {
        password: 'paarse olifant fluit 83 keer',
        code: totpCode(info.secret, h.now()),
      }),
    );
    await person.post('/api/auth/login', { login: 'nina@example.nl', password: 'paarse olifant fluit 83 keer' });
    answers(LoginResponseSchema, await person.post('/api/auth/recovery-code', { code: done.recoveryCodes[0] }));
    answers(AccountInfoSchema, await person.get('/api/account'));
    answers(
      PasswordResetResponseSchema,
      await person.post('/api/auth/password-reset', { email: 'nina@example.nl' }),
      202,
    );
    answers(EnrolmentLinkResponseSchema, await admin.post(`/api/admin/accounts/${created.account.id}/reset-totp`));
    answers(AccountResponseSchema, await admin.post(`/api/admin/accounts/${created.account.id}/disable`));
  });
});
