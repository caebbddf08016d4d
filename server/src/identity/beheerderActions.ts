/**
 * What a beheerder does to one account of their region (the account was looked up through
 * `managedAccount`, so it is theirs to manage), and the region's cases seen without content.
 */
import type { RegionCase } from '@samenspraak/shared';
import type { UsersTable } from '../db/schema.js';
import { escalationDb } from '../escalation/escalationDb.js';
import type { AppServices } from '../services.js';
import { accountsDb } from './accountsDb.js';
import { enqueueAccountMail, issueToken } from './accountTokens.js';
import type { Beheerder } from './beheerder.js';
import { endPersonAccess } from './endAccess.js';
import { clearAttempts } from './throttle.js';

/** Disables the account and ends everything it holds (sessions, document tokens, live connections). */
export async function disableRegionAccount(services: AppServices, target: UsersTable) {
  await services.db.updateTable('users').set({ disabled: 1 }).where('id', '=', target.id).execute();
  return endPersonAccess(services, target.id);
}

/** Ends a lockout now: the login's failed attempts are forgotten. */
export async function unlockRegionAccount(services: AppServices, target: UsersTable): Promise<void> {
  await clearAttempts(services.db, target.login);
}

/**
 * After the beheerder checked the person's identity (in person, by a call back): the TOTP enrolment and
 * the recovery codes are gone, every session and document token of the person ends, and a new
 * enrolment link (72 h; password kept, and asked for again when enrolling) is mailed and returned.
 */
export async function resetRegionTotp(services: AppServices, b: Beheerder, target: UsersTable) {
  const now = services.clock();
  const issued = await services.db.transaction().execute(async (trx) => {
    const adb = accountsDb(trx as never);
    await adb
      .updateTable('users')
      .set({ totp_secret: null, totp_last_step: null })
      .where('id', '=', target.id)
      .execute();
    await adb.deleteFrom('recovery_codes').where('user_id', '=', target.id).execute();
    const purpose = target.password_hash ? 'enrolment' : 'activation';
    const token = await issueToken(trx as never, { userId: target.id, purpose, createdBy: b.user.id, now });
    const to = target.email ?? target.login;
    await enqueueAccountMail(trx as never, { userId: target.id, to, kind: 'account-activation', token }, now);
    return token;
  });
  const ended = await endPersonAccess(services, target.id);
  return { ...ended, link: issued.link, expiresAt: issued.expiresAt };
}

/**
 * The region's cases as a list of facts about the process, never its content: no name, no date of
 * birth, no document text, no participants' names. Destroyed cases are not listed.
 */
export async function regionCases(services: AppServices, b: Beheerder): Promise<RegionCase[]> {
  const db = escalationDb(services.db);
  const now = services.clock().toISOString();
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'municipality', 'status', 'created_at'])
    .where('region', '=', b.region)
    .where('destroyed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const steps = await db
    .selectFrom('escalation_steps')
    .select(['case_id', 'position', 'to_level'])
    .where('case_id', 'in', ids)
    .orderBy('position')
    .execute();
  const level = new Map<string, string>();
  for (const s of steps) level.set(s.case_id, s.to_level);
  const counts = await db
    .selectFrom('participants')
    .select(['case_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('case_id', 'in', ids)
    .where((eb) => eb.or([eb('access_until', 'is', null), eb('access_until', '>', now)]))
    .groupBy('case_id')
    .execute();
  const participants = new Map(counts.map((c) => [c.case_id, Number(c.n)]));
  // Field by field: nothing of the row reaches the answer unless it is named here.
  return cases.map((c) => ({
    id: c.id,
    municipality: c.municipality,
    status: c.status,
    registeredAt: c.created_at,
    level: level.get(c.id) ?? 'lokaal',
    participants: participants.get(c.id) ?? 0,
  }));
}
