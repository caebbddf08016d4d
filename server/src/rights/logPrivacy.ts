/**
 * Who sees the young person's own activity in the access log. From 12 the young person's own visits,
 * downloads and requests are theirs: a parent's view of the log leaves them out unless the young person
 * allowed it (a setting on the rights page, stored per case, the change logged). Under 12 the young
 * person has no access, so there is nothing of theirs to hide.
 */
import { ageOn, OWN_ACTIVITY_PRIVATE_FROM_AGE } from '@samenspraak/shared';
import type { CaseScope } from '../cases/caseGate.js';
import type { AppServices } from '../services.js';
import { rightsDb } from './rightsDb.js';

export async function parentsSeeActivity(services: AppServices, caseId: string): Promise<boolean> {
  const row = await rightsDb(services.db)
    .selectFrom('rights_settings')
    .select('parents_see_activity')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.parents_see_activity === 1;
}

export async function setParentsSeeActivity(services: AppServices, scope: CaseScope, allowed: boolean): Promise<void> {
  const values = {
    case_id: scope.caseId,
    parents_see_activity: allowed ? 1 : 0,
    changed_by: scope.audit.actor.userId,
    changed_at: scope.now.toISOString(),
  };
  await rightsDb(services.db)
    .insertInto('rights_settings')
    .values(values)
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ ...values }))
    .execute();
  await scope.log('consent', 'success', `own activity for parents: ${allowed ? 'shown' : 'hidden'}`);
  services.caseEvents.changed({ caseId: scope.caseId, kind: 'rights' });
}

/**
 * Whether this reader must not see an entry: for a parent, from 12 and unless allowed, every entry of the
 * young person (by their role on the case, and by account for entries made outside the case gate).
 */
export async function ownActivityHidden(
  services: AppServices,
  scope: CaseScope,
): Promise<((e: { user_id: string | null; user_role: string | null }) => boolean) | undefined> {
  if (scope.role !== 'ouder') return undefined;
  if (ageOn(scope.facts.dateOfBirth, scope.now) < OWN_ACTIVITY_PRIVATE_FROM_AGE) return undefined;
  if (await parentsSeeActivity(services, scope.caseId)) return undefined;
  const young = await rightsDb(services.db)
    .selectFrom('participants')
    .select('user_id')
    .where('case_id', '=', scope.caseId)
    .where('role', '=', 'jeugdige')
    .execute();
  const ids = new Set(young.map((r) => r.user_id));
  return (e) => e.user_role === 'jeugdige' || (e.user_id !== null && ids.has(e.user_id));
}
