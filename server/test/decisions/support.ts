/** Helpers of the decisions tests: a signed-off analysis (the way the app signs off today), a region's beheerder. */
import { documentId, type Region } from '@samenspraak/shared';
import { expect } from 'vitest';
import type { CaseHarness, CaseTeam, TestUser } from '../cases/support.js';
import { writeAnalysis } from '../escalation/support.js';

/** Writes text into the analysis and lets the responsible scientist sign it off through the API. */
export async function signOffAnalysis(
  h: CaseHarness,
  team: CaseTeam,
  text = 'Hulpvraag in eigen woorden',
): Promise<void> {
  await writeAnalysis(h, team.caseId, text);
  const res = await h.api(team.scientist, 'POST', `/api/documents/${documentId(team.caseId, 'analysis')}/sign-off`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** A beheerder (administrator) working for `region`. */
export async function regionAdmin(h: CaseHarness, region: Region): Promise<TestUser> {
  const user = await h.user({ role: 'beheerder', name: 'Bert Beheer' });
  await h.db.updateTable('users').set({ region }).where('id', '=', user.id).execute();
  return user;
}
