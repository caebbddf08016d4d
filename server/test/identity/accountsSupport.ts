/** Test support for the accounts suites: beheerders and professionals with a region, the outbox's links. */
import type { Role } from '@samenspraak/shared';
import { expect } from 'vitest';
import type { AppDb } from '../../src/db/database.js';
import { accountsDb } from '../../src/identity/accountsDb.js';
import { createProfessional } from '../../src/identity/users.js';
import { type Browser, PASSWORD, START, type TestPro } from './harness.js';

export const REGION_A = 'Zuid-Kennemerland';
export const REGION_B = 'West-Friesland';
/** Passes the password policy (zxcvbn ≥ 3) and is unlike PASSWORD. */
export const NEW_PASSWORD = 'paarse olifant fluit 83 keer';

let counter = 0;

export async function createRegionPro(
  db: AppDb,
  opts: { role?: Role; region?: string | null; login?: string } = {},
): Promise<TestPro> {
  counter += 1;
  const created = await createProfessional(
    db,
    {
      login: opts.login ?? `regio${counter}@example.nl`,
      name: `Regio Persoon ${counter}`,
      role: opts.role ?? 'gedragswetenschapper',
      organisation: 'Jeugdzorg Regio',
      region: opts.region === undefined ? REGION_A : opts.region,
      password: PASSWORD,
    },
    START,
  );
  return { userId: created.userId, login: created.login, password: PASSWORD, totpSecret: created.totpSecret };
}

/** The mails queued for a person, oldest first. */
export async function outboxFor(db: AppDb, userId: string) {
  return accountsDb(db)
    .selectFrom('mail_outbox')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The token at the end of the newest mail's link of a kind. */
export async function tokenFromMail(db: AppDb, userId: string, kind: string): Promise<string> {
  const mails = (await outboxFor(db, userId)).filter((m) => m.kind === kind);
  const link = mails.at(-1)?.link;
  expect(link, `a ${kind} mail for ${userId}`).toBeTruthy();
  return link!.split('/').at(-1)!;
}

export async function countRows(db: AppDb, table: 'users' | 'mail_outbox' | 'account_tokens' | 'organisations') {
  const row = await accountsDb(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The account's row in the beheerder's list. */
export async function listed(b: Browser, userId: string) {
  const reply = await b.get('/api/admin/accounts');
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return (reply.body.accounts as Array<{ id: string; state: string }>).find((a) => a.id === userId);
}
