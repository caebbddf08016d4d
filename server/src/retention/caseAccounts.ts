/**
 * The accounts that existed only for a destroyed case: a young person's or parent's client account
 * with no other case. They go with the case (the account row holds the name and login; its sessions
 * and login attempts go too). Professionals keep their accounts: they work on many cases and their
 * account is their organisation's, not the case's.
 */
import type { Transaction } from 'kysely';
import type { AppSchema } from '../db/schema.js';

type Trx = Transaction<AppSchema>;

/** Client accounts taking part in `caseId` and in no other case. Call before the participants go. */
export async function caseOnlyClientAccounts(trx: Trx, caseId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select('u.id')
    .where('p.case_id', '=', caseId)
    .where('u.kind', '=', 'client')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('participants as other')
            .select('other.user_id')
            .whereRef('other.user_id', '=', 'u.id')
            .where('other.case_id', '!=', caseId),
        ),
      ),
    )
    .distinct()
    .execute();
  return rows.map((r) => r.id);
}

/** Removes the accounts with their sessions and login attempts. Participants must be gone already. */
export async function removeAccounts(trx: Trx, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const users = await trx.selectFrom('users').select(['id', 'login']).where('id', 'in', userIds).execute();
  if (users.length === 0) return 0;
  await trx.deleteFrom('sessions').where('user_id', 'in', userIds).execute();
  await trx
    .deleteFrom('login_attempts')
    .where(
      'login',
      'in',
      users.map((u) => u.login),
    )
    .execute();
  const removed = await trx.deleteFrom('users').where('id', 'in', userIds).executeTakeFirst();
  return Number(removed.numDeletedRows);
}
