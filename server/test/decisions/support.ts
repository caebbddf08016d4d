/** Helpers of the decisions tests: a signed-off analysis (the way the app signs off today), a region's beheerder. */
import type { Region } from '@samenspraak/shared';
import type { CaseHarness, TestUser } from '../cases/support.js';

export { signOffAnalysis } from '../escalation/support.js';

/** A beheerder (administrator) working for `region`. */
export async function regionAdmin(h: CaseHarness, region: Region): Promise<TestUser> {
  const user = await h.user({ role: 'beheerder', name: 'Bert Beheer' });
  await h.db.updateTable('users').set({ region }).where('id', '=', user.id).execute();
  return user;
}
