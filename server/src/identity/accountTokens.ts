/**
 * Single-use links of accounts: activation (a new account: password + TOTP), enrolment (after a TOTP
 * reset: TOTP only, password kept) and password reset. The token is 256 random bits in the link; the
 * database keeps its SHA-256. A new link of a purpose ends the person's earlier open links of that
 * purpose, so only the last mail works. Using a link is one conditional UPDATE, atomic on every instance.
 */
import type { Kysely } from 'kysely';
import { enqueueMail } from '../mail/outbox.js';
import { type AccountTokensTable, accountsDb, type TokenPurpose } from './accountsDb.js';
import { hashToken, randomToken } from './sessions.js';
import { newTotpSecret } from './totp.js';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  activation: 72 * 3600_000,
  enrolment: 72 * 3600_000,
  'password-reset': 30 * 60_000,
};

export const LINK_PREFIX: Record<TokenPurpose, string> = {
  activation: '/activeren/',
  enrolment: '/activeren/',
  'password-reset': '/wachtwoord-herstellen/',
};

export interface IssuedToken {
  token: string;
  id: string;
  link: string;
  expiresAt: Date;
}

/** Issues a link; pass the transaction of the event (account made, TOTP reset, reset asked). */
export async function issueToken(
  db: Kysely<never>,
  input: { userId: string; purpose: TokenPurpose; createdBy: string | null; now: Date },
): Promise<IssuedToken> {
  const adb = accountsDb(db);
  const at = input.now.toISOString();
  const kinds: TokenPurpose[] = input.purpose === 'password-reset' ? ['password-reset'] : ['activation', 'enrolment'];
  await adb
    .updateTable('account_tokens')
    .set({ used_at: at })
    .where('user_id', '=', input.userId)
    .where('purpose', 'in', kinds)
    .where('used_at', 'is', null)
    .execute();
  const token = randomToken();
  const id = hashToken(token);
  const expiresAt = new Date(input.now.getTime() + TOKEN_LIFETIME_MS[input.purpose]);
  await adb
    .insertInto('account_tokens')
    .values({
      id,
      user_id: input.userId,
      purpose: input.purpose,
      totp_secret: input.purpose === 'password-reset' ? null : newTotpSecret(),
      created_by: input.createdBy,
      created_at: at,
      expires_at: expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
  return { token, id, link: `${LINK_PREFIX[input.purpose]}${token}`, expiresAt };
}

/** What a token shape looks like (anything else is not even looked up). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** The open link for a token of one of `purposes`: null when unknown, used or expired (one answer). */
export async function openToken(
  db: Kysely<never>,
  token: string,
  purposes: readonly TokenPurpose[],
  now: Date,
): Promise<AccountTokensTable | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await accountsDb(db)
    .selectFrom('account_tokens')
    .selectAll()
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || !purposes.includes(row.purpose)) return null;
  if (row.expires_at <= now.toISOString()) return null;
  return row;
}

/** Uses the link up: true for exactly one caller. */
export async function consumeToken(db: Kysely<never>, id: string, now: Date): Promise<boolean> {
  const result = await accountsDb(db)
    .updateTable('account_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether the person has an open activation or enrolment link (the account list shows "awaiting activation"). */
export async function usersAwaitingEnrolment(
  db: Kysely<never>,
  userIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await accountsDb(db)
    .selectFrom('account_tokens')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('purpose', 'in', ['activation', 'enrolment'])
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** The mail that carries an account link; keyed by the token, so one link is one mail. */
export async function enqueueAccountMail(
  trx: Kysely<never>,
  mail: { userId: string; to: string; kind: 'account-activation' | 'password-reset'; token: IssuedToken },
  now: Date,
): Promise<void> {
  await enqueueMail(
    trx,
    {
      idempotencyKey: `account:${mail.token.id}`,
      userId: mail.userId,
      to: mail.to,
      kind: mail.kind,
      link: mail.token.link,
    },
    now,
  );
}
