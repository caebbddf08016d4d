/**
 * Accounts. Professionals have organisation accounts made by an administrator (password + TOTP);
 * young people and parents get a 'client' account by accepting an invitation to one case.
 */
import crypto from 'node:crypto';
import { INVITED_ROLES, LoginNameSchema, type Role, RoleSchema, type SessionUser } from '@samenspraak/shared';
import type { AppDb } from '../db/database.js';
import type { UsersTable } from '../db/schema.js';
import { passwordWeakness } from './passwordPolicy.js';
import { generatePassword, hashPassword } from './passwords.js';
import { newTotpSecret, totpUri } from './totp.js';

export type UserKind = 'professional' | 'client';

export function newId(): string {
  return crypto.randomUUID();
}

export async function findUserByLogin(db: AppDb, login: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

/** What the client may know about the logged-in person. */
export async function sessionUser(db: AppDb, user: UsersTable): Promise<SessionUser> {
  const organisation = user.organisation_id
    ? await db.selectFrom('organisations').select('name').where('id', '=', user.organisation_id).executeTakeFirst()
    : undefined;
  const role = RoleSchema.safeParse(user.role);
  return {
    id: user.id,
    name: user.name,
    kind: user.kind === 'professional' ? 'professional' : 'client',
    role: role.success ? role.data : null,
    organisation: organisation?.name ?? null,
  };
}

/** Null when the password may be used; otherwise why not, in English (the admin CLI shows it). */
export function checkNewPassword(password: string, personal: readonly string[] = []): string | null {
  const weakness = passwordWeakness(password, personal);
  return weakness && `password refused: ${weakness.message}`;
}

export interface NewProfessional {
  login: string;
  name: string;
  role: Role;
  organisation: string;
  /** The youth-care region (shared REGIONS): a beheerder manages the accounts of theirs. */
  region?: string | null;
  /** Given by scripts and tests; otherwise a strong one is generated. */
  password?: string;
}

export interface CreatedProfessional {
  userId: string;
  organisationId: string;
  login: string;
  password: string;
  totpSecret: string;
  otpauthUri: string;
}

/** Creates a professional (and their organisation, found by name, if new). Throws with a clear message. */
export async function createProfessional(db: AppDb, input: NewProfessional, now: Date): Promise<CreatedProfessional> {
  const login = LoginNameSchema.parse(input.login);
  const name = input.name.trim();
  const organisationName = input.organisation.trim();
  if (!name) throw new Error('name is required');
  if (!organisationName) throw new Error('organisation is required');
  if ((INVITED_ROLES as readonly string[]).includes(input.role)) {
    throw new Error(`${input.role} is invited to a case by a professional, not given an organisation account`);
  }
  const password = input.password ?? generatePassword();
  const problem = checkNewPassword(password, [login, name]);
  if (problem) throw new Error(problem);
  const passwordHash = await hashPassword(password);
  const totpSecret = newTotpSecret();
  const userId = newId();

  const organisationId = await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()) {
      throw new Error(`a user with login ${login} already exists`);
    }
    const existing = await trx
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', organisationName)
      .executeTakeFirst();
    const orgId = existing?.id ?? newId();
    if (!existing) {
      await trx
        .insertInto('organisations')
        .values({ id: orgId, name: organisationName, kind: 'organisation', created_at: now.toISOString() })
        .execute();
    }
    await trx
      .insertInto('users')
      .values({
        id: userId,
        kind: 'professional',
        login,
        // A professional's login is their e-mail address: it is where a password-reset link goes.
        email: login.includes('@') ? login : null,
        region: input.region ?? null,
        name,
        role: input.role,
        organisation_id: orgId,
        password_hash: passwordHash,
        totp_secret: totpSecret,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        created_at: now.toISOString(),
      })
      .execute();
    return orgId;
  });
  return { userId, organisationId, login, password, totpSecret, otpauthUri: totpUri(totpSecret, login) };
}
