/**
 * Invitations of the young person and parents, who have no organisation account. A professional on
 * the case creates one; the link goes by any channel, the 8-digit code by another (in person, by
 * phone), so neither alone opens the case. The code is stored only as an HMAC keyed with the server
 * secret: a leaked database does not give away the codes, which a plain hash of 10^8 values would.
 * An invitation dies after 7 days, after 5 wrong codes, or once used.
 */
import crypto from 'node:crypto';
import { INVITATION_CODE_DIGITS, type Role } from '@samenspraak/shared';
import type { AppDb } from '../db/database.js';
import type { InvitationsTable } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import { randomToken } from './sessions.js';
import { findUserByLogin, newId } from './users.js';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const INVITATION_MAX_ATTEMPTS = 5;

export function invitationLink(id: string): string {
  return `/uitnodiging/${id}`;
}

function codeHash(key: Uint8Array, invitationId: string, code: string): Buffer {
  return crypto.createHmac('sha256', key).update(`${invitationId}:${code}`).digest();
}

export function newInvitationCode(): string {
  return String(crypto.randomInt(0, 10 ** INVITATION_CODE_DIGITS)).padStart(INVITATION_CODE_DIGITS, '0');
}

export async function createInvitation(
  db: AppDb,
  key: Uint8Array,
  input: { caseId: string; role: Role; name: string; createdBy: string; now: Date },
): Promise<{ invitationId: string; code: string; expiresAt: Date }> {
  // The id is the secret half carried by the link: unguessable, not a counter.
  const invitationId = randomToken(16);
  const code = newInvitationCode();
  const expiresAt = new Date(input.now.getTime() + INVITATION_TTL_MS);
  await db
    .insertInto('invitations')
    .values({
      id: invitationId,
      case_id: input.caseId,
      role: input.role,
      name: input.name,
      code_hash: codeHash(key, invitationId, code).toString('hex'),
      expires_at: expiresAt.toISOString(),
      used_at: null,
      attempts: 0,
      created_by: input.createdBy,
      created_at: input.now.toISOString(),
    })
    .execute();
  return { invitationId, code, expiresAt };
}

export type AcceptOutcome =
  | { ok: true; userId: string; caseId: string; role: Role }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'used' | 'expired' | 'blocked' | 'case_closed' | 'login_taken'; caseId: string }
  | { ok: false; reason: 'wrong_code'; caseId: string; attemptsLeft: number };

function deadReason(inv: InvitationsTable, now: Date): 'used' | 'expired' | 'blocked' | null {
  if (inv.used_at) return 'used';
  if (inv.expires_at <= now.toISOString()) return 'expired';
  if (inv.attempts >= INVITATION_MAX_ATTEMPTS) return 'blocked';
  return null;
}

/** Checks the code and, if right, creates the client account and its participation in one transaction. */
export async function acceptInvitation(
  db: AppDb,
  key: Uint8Array,
  input: { invitationId: string; code: string; login: string; password: string; now: Date },
): Promise<AcceptOutcome> {
  const { now } = input;
  const load = () => db.selectFrom('invitations').selectAll().where('id', '=', input.invitationId).executeTakeFirst();
  const inv = await load();
  if (!inv) return { ok: false, reason: 'not_found' };
  const caseId = inv.case_id;
  const dead = deadReason(inv, now);
  if (dead) return { ok: false, reason: dead, caseId };

  // Take an attempt before comparing: parallel guesses cannot get past the limit.
  const reserved = await db
    .updateTable('invitations')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', inv.id)
    .where('attempts', '<', INVITATION_MAX_ATTEMPTS)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(reserved.numUpdatedRows) !== 1) {
    const again = await load();
    return { ok: false, reason: (again && deadReason(again, now)) || 'blocked', caseId };
  }
  const expected = Buffer.from(inv.code_hash, 'hex');
  const given = codeHash(key, inv.id, input.code);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'wrong_code', caseId, attemptsLeft: INVITATION_MAX_ATTEMPTS - inv.attempts - 1 };
  }
  // The right code was given: a problem with the chosen login must not cost the invitee an attempt.
  const refund = () =>
    db
      .updateTable('invitations')
      .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
      .where('id', '=', inv.id)
      .execute();
  const kase = await db.selectFrom('cases').select('closed_at').where('id', '=', caseId).executeTakeFirst();
  if (!kase || kase.closed_at) return { ok: false, reason: 'case_closed', caseId };
  if (await findUserByLogin(db, input.login)) {
    await refund();
    return { ok: false, reason: 'login_taken', caseId };
  }

  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const role = inv.role as Role;
  try {
    const consumed = await db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('invitations')
        .set({ used_at: now.toISOString() })
        .where('id', '=', inv.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto('users')
        .values({
          id: userId,
          kind: 'client',
          login: input.login,
          name: inv.name,
          role: null,
          organisation_id: null,
          password_hash: passwordHash,
          totp_secret: null,
          failed_logins: 0,
          locked_until: null,
          disabled: 0,
          created_at: now.toISOString(),
        })
        .execute();
      await trx
        .insertInto('participants')
        .values({ case_id: caseId, user_id: userId, role, added_at: now.toISOString(), added_by: inv.created_by })
        .execute();
      return true;
    });
    if (!consumed) return { ok: false, reason: 'used', caseId };
  } catch (err) {
    // Someone took the login between the check and the insert (unique constraint): same answer as before.
    if (await findUserByLogin(db, input.login)) {
      await refund();
      return { ok: false, reason: 'login_taken', caseId };
    }
    throw err;
  }
  return { ok: true, userId, caseId, role };
}
