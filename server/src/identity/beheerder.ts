/**
 * The functioneel beheerder of a region: makes professional accounts, disables and unlocks them, resets
 * a TOTP enrolment, and sees (does not read) the region's cases. Region-scoped: a beheerder acts only
 * on professionals whose users.region is theirs; anyone else's account answers like no account (404).
 * Beheerders themselves are made with `npm run admin` (an operator with the console), not here.
 */
import {
  type AccountState,
  type AccountSummary,
  BEHEERDER_CREATABLE_ROLES,
  type CreateAccountRequest,
  RoleSchema,
} from '@samenspraak/shared';
import type { UsersTable } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { Forbidden, Invalid, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { enqueueAccountMail, issueToken, usersAwaitingEnrolment } from './accountTokens.js';
import { signInDb } from './passkeysDb.js';
import { loginLockedUntil } from './throttle.js';
import { findUserByLogin, newId } from './users.js';

export interface Beheerder {
  user: UsersTable;
  region: string;
}

/** The actor as a beheerder with a region, or a refusal (403). */
export async function asBeheerder(services: AppServices, actor: Actor): Promise<Beheerder> {
  if (actor.kind !== 'professional' || actor.role !== 'beheerder') {
    throw new Forbidden('only a functioneel beheerder manages accounts');
  }
  const user = await services.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirst();
  if (!user?.region) throw new Forbidden('this beheerder has no region', 'no_region');
  return { user, region: user.region };
}

/** The state shown in the list: disabled wins, then a running lock, then an enrolment still owed. */
export function accountState(u: {
  disabled: number;
  enrolled: boolean;
  locked: boolean;
  awaiting: boolean;
}): AccountState {
  if (u.disabled) return 'disabled';
  if (u.locked) return 'locked';
  if (!u.enrolled || u.awaiting) return 'awaiting-activation';
  return 'active';
}

/** Whether this beheerder may act on the account: professionals of their region, not beheerders, not themself. */
export function manageable(b: Beheerder, target: Pick<UsersTable, 'id' | 'kind' | 'role' | 'region'>): boolean {
  return (
    target.kind === 'professional' &&
    target.region === b.region &&
    target.role !== 'beheerder' &&
    target.id !== b.user.id
  );
}

async function summaries(services: AppServices, b: Beheerder, users: UsersTable[]): Promise<AccountSummary[]> {
  const now = services.clock();
  const awaiting = await usersAwaitingEnrolment(
    services.db as never,
    users.map((u) => u.id),
    now,
  );
  // A professional who activated with a passkey instead of the TOTP app is enrolled too.
  const withPasskey =
    users.length === 0
      ? new Set<string>()
      : new Set(
          (
            await signInDb(services.db)
              .selectFrom('passkeys')
              .select('user_id')
              .where(
                'user_id',
                'in',
                users.map((u) => u.id),
              )
              .execute()
          ).map((r) => r.user_id),
        );
  const orgIds = [...new Set(users.map((u) => u.organisation_id).filter((id): id is string => id !== null))];
  const orgs =
    orgIds.length === 0
      ? []
      : await services.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute();
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const out: AccountSummary[] = [];
  for (const u of users) {
    const locked = (await loginLockedUntil(services.db, u.login, now)) !== null;
    const enrolled = u.totp_secret !== null || withPasskey.has(u.id);
    out.push({
      id: u.id,
      name: u.name,
      login: u.login,
      role: RoleSchema.safeParse(u.role).data ?? null,
      organisation: u.organisation_id ? (orgName.get(u.organisation_id) ?? null) : null,
      state: accountState({ disabled: u.disabled, enrolled, locked, awaiting: awaiting.has(u.id) }),
      enrolled,
      manageable: manageable(b, u),
    });
  }
  return out;
}

export async function listRegionAccounts(services: AppServices, b: Beheerder): Promise<AccountSummary[]> {
  const users = await services.db
    .selectFrom('users')
    .selectAll()
    .where('kind', '=', 'professional')
    .where('region', '=', b.region)
    .orderBy('name')
    .execute();
  return summaries(services, b, users);
}

export async function summaryOf(services: AppServices, b: Beheerder, userId: string): Promise<AccountSummary> {
  const user = await services.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return (await summaries(services, b, [user]))[0]!;
}

/** The account this beheerder may manage, or 404 (another region's account looks like none). */
export async function managedAccount(services: AppServices, b: Beheerder, userId: string): Promise<UsersTable> {
  const user = await services.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (user?.kind !== 'professional' || user.region !== b.region) throw new NotFound('account not found');
  if (!manageable(b, user))
    throw new Forbidden('a beheerder manages professionals, not beheerders', 'account_role_not_allowed');
  return user;
}

/**
 * Makes a professional without password or TOTP, in the beheerder's region, and in the same
 * transaction an activation link (72 h) and its mail. Everything is checked before anything is written.
 */
export async function createRegionAccount(
  services: AppServices,
  b: Beheerder,
  input: CreateAccountRequest,
): Promise<{ userId: string; link: string; expiresAt: Date }> {
  const role = RoleSchema.safeParse(input.role);
  if (!role.success || !BEHEERDER_CREATABLE_ROLES.includes(role.data)) {
    throw new Invalid(`role must be one of: ${BEHEERDER_CREATABLE_ROLES.join(', ')}`, 'account_role_not_allowed');
  }
  const taken = async () =>
    (await findUserByLogin(services.db, input.email)) ??
    (await services.db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst());
  if (await taken()) throw new Invalid('an account with this e-mail address exists', 'email_taken');
  const now = services.clock();
  const at = now.toISOString();
  const userId = newId();
  try {
    const issued = await services.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', input.organisation)
        .executeTakeFirst();
      const organisationId = existing?.id ?? newId();
      if (!existing) {
        await trx
          .insertInto('organisations')
          .values({ id: organisationId, name: input.organisation, kind: 'organisation', created_at: at })
          .execute();
      }
      await trx
        .insertInto('users')
        .values({
          id: userId,
          kind: 'professional',
          login: input.email,
          email: input.email,
          region: b.region,
          name: input.name,
          role: role.data,
          organisation_id: organisationId,
          password_hash: null,
          totp_secret: null,
          failed_logins: 0,
          locked_until: null,
          disabled: 0,
          created_at: at,
        })
        .execute();
      const token = await issueToken(trx as never, { userId, purpose: 'activation', createdBy: b.user.id, now });
      await enqueueAccountMail(trx as never, { userId, to: input.email, kind: 'account-activation', token }, now);
      return token;
    });
    return { userId, link: issued.link, expiresAt: issued.expiresAt };
  } catch (err) {
    // Someone took the address between the check and the insert (unique login): same answer as before.
    if (await taken()) throw new Invalid('an account with this e-mail address exists', 'email_taken');
    throw err;
  }
}
