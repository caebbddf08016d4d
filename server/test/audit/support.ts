/** What the access-log tests share. */
import { bornYearsAgo, type CaseHarness, caseWithTeam, START } from '../cases/support.js';

/** Makes a few API calls so the chain has entries of several kinds. */
export async function someTraffic(h: CaseHarness): Promise<void> {
  const team = await caseWithTeam(h, bornYearsAgo(START, 15));
  await h.api(team.youngPerson, 'GET', `/api/cases/${team.caseId}`);
  await h.api(team.parent, 'GET', '/api/cases');
  await h.api(team.provider, 'PUT', `/api/cases/${team.caseId}/status`, { status: 'monitoring' });
}
