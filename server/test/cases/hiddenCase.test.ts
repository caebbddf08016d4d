/**
 * A case you may not see does not exist for you: every case-scoped route answers exactly as it does for
 * a case id that was never used (404, same body) — for someone not on the case, a director whose
 * participation ended with the follow-up, and a parent of a young person of 16+ without consent. And
 * the case list no longer shows a case whose participation ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEndedDirector,
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  START,
  startCaseServer,
  type TestUser,
} from './support.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
let h: CaseHarness;
let team: CaseTeam;
let stranger: TestUser;
let director: TestUser;

beforeAll(async () => {
  h = await startCaseServer();
  // 17: the parent sees the case only with the young person's consent, which is not given.
  team = await caseWithTeam(h, bornYearsAgo(START, 17));
  stranger = await h.user({ role: 'procesregisseur' });
  director = await h.user({ role: 'dbt-lid' });
  await addEndedDirector(h, team, director);
});
afterAll(async () => {
  await h?.close();
});

/** Every case-scoped route with a body that passes validation (so the answer comes from the gate). */
function routes(caseId: string): Array<[string, string, unknown?]> {
  const c = `/api/cases/${caseId}`;
  const doc = `/api/documents/${caseId}.analysis`;
  return [
    ['GET', c],
    ['POST', `${c}/participants`, { userId: team.provider.id, role: 'ouder' }],
    ['DELETE', `${c}/participants/${team.provider.id}`],
    ['PUT', `${c}/parents-consent`, { consent: true }],
    ['PUT', `${c}/status`, { status: 'analyse_en_planvorming' }],
    ['GET', `${c}/access-log`],
    ['POST', `${c}/export`],
    ['GET', `${c}/export.pdf`],
    ['GET', `${c}/destruction-requests`],
    ['POST', `${c}/destruction-requests`, { reason: 'weg ermee' }],
    ['POST', `${c}/destruction-requests/x/decision`, { decision: 'approved' }],
    ['POST', `${c}/invitations`, { role: 'jeugdige' }],
    ['POST', `${c}/invitations`, { role: 'ouder', name: 'Iemand' }],
    ['GET', `${c}/invitations`],
    ['DELETE', `${c}/invitations/abcdef0123`],
    ['GET', `${c}/escalation`],
    ['GET', `${c}/clock-facts`],
    ['POST', `${c}/commitments/x/met`],
    // decisions work: the new case routes hide a hidden case too.
    ['GET', `${c}/escalation/plain`],
    ['POST', `${c}/commitments/x/release`, { reason: 'r' }],
    ['POST', `${c}/breakthrough-sessions/x/outcome`, { outcome: 'o' }],
    ['GET', `${c}/placement-decisions`],
    ['POST', `${c}/placement-decisions`, { kind: 'uithuisplaatsing', decision: 'd', followsAnalysis: true }],
    ['GET', `${c}/joint-risks`],
    ['POST', `${c}/joint-risks`, { risks: [{ risk: 'r', bornBy: ['gi'] }] }],
    ['POST', `${c}/joint-risks/x/agreements`, { party: 'ouders' }],
    ['GET', `${c}/help-disagreements`],
    ['POST', `${c}/help-disagreements`, { helpStarted: 'h', giView: 'g', localTeamView: 'l' }],
    ['GET', `${c}/meetings`],
    ['GET', `${c}/meetings/x`],
    ['POST', `${doc}/token`],
    ['GET', `${doc}/comments`],
    ['GET', `${doc}/versions`],
    ['GET', `${doc}/endorsements`],
    ['GET', `${doc}/sign-off`],
    ['POST', `${doc}/analysis-request`],
  ];
}

describe('a case you may not see answers like a case that does not exist', () => {
  const who = (): Array<[string, TestUser]> => [
    ['someone not on the case', stranger],
    ['a director whose participation ended', director],
    ['a parent without the consent of a young person of 17', team.parent],
  ];

  it.each([0, 1, 2])('caller %i: every case route, same status and body as an unknown case', async (i) => {
    const [label, as] = who()[i]!;
    const real = routes(team.caseId);
    const unknown = routes(UNKNOWN);
    for (let r = 0; r < real.length; r += 1) {
      const [method, path, body] = real[r]!;
      const seen = await h.api(as, method, path, body);
      const none = await h.api(as, method, unknown[r]![1], unknown[r]![2]);
      expect(seen.status, `${label}: ${method} ${path}`).toBe(404);
      expect(seen.body, `${label}: ${method} ${path}`).toEqual(
        JSON.parse(JSON.stringify(none.body).replaceAll(UNKNOWN, team.caseId)),
      );
    }
  });

  it('the case list leaves out a case whose participation ended', async () => {
    const listed = await h.api<{ cases: Array<{ id: string }> }>(director, 'GET', '/api/cases');
    expect(listed.status).toBe(200);
    expect(listed.body.cases.map((c) => c.id)).not.toContain(team.caseId);
    // A team member still sees it.
    const own = await h.api<{ cases: Array<{ id: string }> }>(team.provider, 'GET', '/api/cases');
    expect(own.body.cases.map((c) => c.id)).toContain(team.caseId);
  });
});
