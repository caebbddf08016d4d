/**
 * The DBT follow-up and what the family sees, through the real server (domain §5): a session outcome only
 * after the session, a commitment released only with a reason, the case scaled down only when settled;
 * the young person and parents see where the case went, why, and each organisation's commitment —
 * never people's names, what was tried, or the analysis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseHarness, START, startCaseServer, type TestUser } from '../cases/support.js';
import { escalateToDbt, type LadderTeam, ladderTeam, STEP } from '../escalation/support.js';

let h: CaseHarness;
let team: LadderTeam;
let director: TestUser;
let sessionId: string;
const base = () => `/api/cases/${team.caseId}`;
const day = (n: number) => new Date(Date.parse(START) + n * 86_400_000).toISOString();
type ErrorBody = { error?: { id: string; text?: string } };
type Plain = {
  level: string;
  steps: { to: string; why: string }[];
  commitments: { organisation: string; what: string; status: string; releaseReason: string | null }[];
};

beforeAll(async () => {
  h = await startCaseServer();
  team = await ladderTeam(h);
  director = await h.user({ role: 'dbt-lid', name: 'Dirk Directeur', organisation: 'Zorgaanbieder Noord' });
  await escalateToDbt(h, team);
  const s = await h.api<{ session: { id: string } }>(team.regisseur, 'POST', `${base()}/breakthrough-sessions`, {
    scheduledAt: day(2),
    followUpDays: 60,
  });
  sessionId = s.body.session.id;
  expect(
    (
      await h.api(team.regisseur, 'POST', `${base()}/breakthrough-sessions/${sessionId}/invitations`, {
        userId: director.id,
      })
    ).status,
  ).toBe(201);
});
afterAll(async () => {
  await h?.close();
});

describe('domain §5: a DBT case scales down after a session with an outcome and settled commitments', () => {
  it('the outcome is recorded only after the session took place', async () => {
    const res = await h.api<ErrorBody>(team.regisseur, 'POST', `${base()}/breakthrough-sessions/${sessionId}/outcome`, {
      outcome: 'afspraken',
    });
    expect(res.status).toBe(409);
    expect(res.body.error?.id).toBe('session_not_held');
    expect(res.body.error?.text).toMatch(/nog niet geweest/);
  });

  it('two commitments; one met, one released with a reason; then the case scales down', async () => {
    h.setClock(day(3));
    for (const what of ['Woonplek in een gezinshuis', 'Onderwijsplek op de eigen school'])
      expect(
        (
          await h.api(director, 'POST', `${base()}/commitments`, {
            organisation: what.startsWith('Woon') ? 'Zorgaanbieder Noord' : 'Samenwerkingsverband VO',
            what,
            lawOrBudget: 'Jeugdwet',
            dueAt: day(30),
          })
        ).status,
      ).toBe(201);
    const outcome = await h.api(team.regisseur, 'POST', `${base()}/breakthrough-sessions/${sessionId}/outcome`, {
      outcome: 'Twee toezeggingen',
    });
    expect(outcome.status).toBe(200);
    const list = await h.api<{ commitments: { id: string; what: string }[] }>(
      team.regisseur,
      'GET',
      `${base()}/escalation`,
    );
    const [home, school] = [...list.body.commitments].sort((a, b) => b.what.localeCompare(a.what));
    if (!home || !school) throw new Error('commitments missing');
    expect((await h.api(team.regisseur, 'POST', `${base()}/escalation`, { to: 'gesloten', ...STEP })).status).toBe(409);
    expect((await h.api(director, 'POST', `${base()}/commitments/${school.id}/release`, { reason: 'x' })).status).toBe(
      403,
    );
    expect(
      (await h.api(team.regisseur, 'POST', `${base()}/commitments/${school.id}/release`, { reason: ' ' })).status,
    ).toBe(400);
    expect(
      (
        await h.api(team.regisseur, 'POST', `${base()}/commitments/${school.id}/release`, {
          reason: 'Noor koos een andere school',
        })
      ).status,
    ).toBe(200);
    const again = await h.api<ErrorBody>(team.regisseur, 'POST', `${base()}/commitments/${school.id}/met`);
    expect(again.body.error?.id).toBe('commitment_settled');
    expect((await h.api(director, 'POST', `${base()}/commitments/${home.id}/met`)).status).toBe(200);
    const view = await h.api<{ mayScaleDown: boolean }>(team.regisseur, 'GET', `${base()}/escalation`);
    expect(view.body.mayScaleDown).toBe(true);
  });
});

describe('the family’s view (SECURITY.md)', () => {
  it('the young person and a parent see where the case went, why, and what organisations committed to', async () => {
    for (const who of [team.youngPerson, team.parent]) {
      const res = await h.api<Plain>(who, 'GET', `${base()}/escalation/plain`);
      expect(res.status).toBe(200);
      expect(res.body.level).toBe('dbt');
      expect(res.body.steps.map((s) => s.to)).toEqual(['ret', 'ben-nh', 'dbt']);
      expect(res.body.steps[0]?.why).toBe(STEP.bottleneck);
      expect(res.body.commitments).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organisation: 'Zorgaanbieder Noord', status: 'met' }),
          expect.objectContaining({ status: 'released', releaseReason: 'Noor koos een andere school' }),
        ]),
      );
      const text = JSON.stringify(res.body);
      for (const hidden of [director.name, director.id, team.regisseur.name, STEP.tried, 'Jeugdwet'])
        expect(text).not.toContain(hidden);
    }
  });

  it('is logged as a read of the case; outsiders get 404', async () => {
    const stranger = await h.user({ role: 'jeugdbeschermer' });
    expect((await h.api(stranger, 'GET', `${base()}/escalation/plain`)).status).toBe(404);
    const rows = await h.db.selectFrom('access_log').select('detail').where('case_id', '=', team.caseId).execute();
    expect(rows.some((r) => String(r.detail).includes('escalation (plain)'))).toBe(true);
  });
});
