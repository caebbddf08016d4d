/**
 * Invitations of the young person and parents, who have no organisation account. A professional on
 * the case creates one; the link goes by any channel, the 8-digit code by another (in person, by
 * phone), so neither alone opens the case. The code is stored only as an HMAC keyed with the server
 * secret: a leaked database does not give away the codes, which a plain hash of 10^8 values would.
 * An invitation dies after 7 days, after 5 wrong codes or dates of birth, once used, when revoked, or
 * when the one who made it may no longer invite (domain/invitations.ts is asked again at acceptance).
 * Whoever accepts confirms the young person's date of birth as registered; the young person's account
 * takes the name recorded at registration. The id in the link is a secret: logs and lists show `ref`.
 */
import crypto from 'node:crypto';
import { INVITATION_CODE_DIGITS, type InvitationState, type Role } from '@samenspraak/shared';
import { caseDb } from '../cases/caseDb.js';
import { loadParticipation } from '../cases/participation.js';
import type { AppDb } from '../db/database.js';
import { caseAccess } from '../domain/caseAccess.js';
import { mayInvite } from '../domain/invitations.js';
import { addToInbox } from '../inbox/inbox.js';
import { ownWordsItem } from '../inbox/inboxItems.js';
import { type InvitationRowTable, invitationDb } from './invitationDb.js';
import { hashPassword } from './passwords.js';
import { randomToken } from './sessions.js';
import { findUserByLogin, newId } from './users.js';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const INVITATION_MAX_ATTEMPTS = 5;

export function invitationLink(id: string): string {
  return `/uitnodiging/${id}`;
}

/** The public reference of an invitation: what logs and lists show. Not reversible to the link's id. */
export function invitationRef(id: string): string {
  return crypto.createHash('sha256').update(`invitation-ref:${id}`).digest('hex').slice(0, 10);
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
  | { ok: true; userId: string; caseId: string; role: Role; ref: string }
  | { ok: false; reason: 'not_found' }
  | {
      ok: false;
      reason: 'used' | 'expired' | 'blocked' | 'revoked' | 'case_closed' | 'login_taken' | 'young_person_exists';
      caseId: string;
      ref: string;
    }
  | { ok: false; reason: 'wrong_code' | 'wrong_date_of_birth'; caseId: string; ref: string; attemptsLeft: number };

type InvitationRow = Pick<InvitationRowTable, 'used_at' | 'revoked_at' | 'expires_at' | 'attempts'>;

export function invitationState(inv: InvitationRow, now: Date): InvitationState {
  if (inv.used_at) return 'used';
  if (inv.revoked_at) return 'revoked';
  if (inv.expires_at <= now.toISOString()) return 'expired';
  if (inv.attempts >= INVITATION_MAX_ATTEMPTS) return 'blocked';
  return 'open';
}

function deadReason(inv: InvitationRow, now: Date): Exclude<InvitationState, 'open'> | null {
  const state = invitationState(inv, now);
  return state === 'open' ? null : state;
}

/** Whether the one who made the invitation may still make it today: on the case, with access, by the table. */
async function creatorStillMayInvite(
  db: AppDb,
  inv: InvitationRowTable,
  createdByOfCase: string | null,
  now: Date,
): Promise<boolean> {
  const creator = await loadParticipation(db, inv.case_id, inv.created_by);
  if (!creator || !caseAccess(creator.facts, creator.role, now).allowed) return false;
  return mayInvite({ role: creator.role, registeredCase: createdByOfCase === inv.created_by }, inv.role as Role);
}

async function hasYoungPerson(db: AppDb, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('participants')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('role', '=', 'jeugdige')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Checks the code and the date of birth and, if both are right, creates the client account and its
 * participation in one transaction: a refusal leaves nothing behind but a spent attempt.
 */
export async function acceptInvitation(
  db: AppDb,
  key: Uint8Array,
  input: {
    invitationId: string;
    code: string;
    dateOfBirth: string;
    login: string;
    password: string;
    email?: string;
    now: Date;
  },
): Promise<AcceptOutcome> {
  const { now } = input;
  const idb = invitationDb(db);
  const load = () => idb.selectFrom('invitations').selectAll().where('id', '=', input.invitationId).executeTakeFirst();
  const inv = await load();
  if (!inv) return { ok: false, reason: 'not_found' };
  const caseId = inv.case_id;
  const ref = invitationRef(inv.id);
  const dead = deadReason(inv, now);
  if (dead) return { ok: false, reason: dead, caseId, ref };

  // Take an attempt before comparing: parallel guesses cannot get past the limit.
  const reserved = await idb
    .updateTable('invitations')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', inv.id)
    .where('attempts', '<', INVITATION_MAX_ATTEMPTS)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(reserved.numUpdatedRows) !== 1) {
    const again = await load();
    return { ok: false, reason: (again && deadReason(again, now)) || 'blocked', caseId, ref };
  }
  const attemptsLeft = INVITATION_MAX_ATTEMPTS - inv.attempts - 1;
  const expected = Buffer.from(inv.code_hash, 'hex');
  const given = codeHash(key, inv.id, input.code);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'wrong_code', caseId, ref, attemptsLeft };
  }
  const kase = await caseDb(db)
    .selectFrom('cases')
    .select(['closed_at', 'destroyed_at', 'date_of_birth', 'young_person_name', 'created_by'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!kase || kase.closed_at || kase.destroyed_at) return { ok: false, reason: 'case_closed', caseId, ref };
  if (!(await creatorStillMayInvite(db, inv, kase.created_by, now)))
    return { ok: false, reason: 'revoked', caseId, ref };
  // The date of birth binds the invitation to the person registered; a wrong one keeps its attempt spent.
  if (input.dateOfBirth !== kase.date_of_birth)
    return { ok: false, reason: 'wrong_date_of_birth', caseId, ref, attemptsLeft };

  // The right code and date were given: a problem with the chosen login must not cost the invitee an attempt.
  const refund = () =>
    idb
      .updateTable('invitations')
      .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
      .where('id', '=', inv.id)
      .execute();
  const role = inv.role as Role;
  if (role === 'jeugdige' && (await hasYoungPerson(db, caseId))) {
    return { ok: false, reason: 'young_person_exists', caseId, ref };
  }
  if (await findUserByLogin(db, input.login)) {
    await refund();
    return { ok: false, reason: 'login_taken', caseId, ref };
  }

  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  try {
    const consumed = await idb.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('invitations')
        .set({ used_at: now.toISOString() })
        .where('id', '=', inv.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto('users')
        .values({
          id: userId,
          kind: 'client',
          login: input.login,
          email: input.email ?? null,
          // The young person is the one registered, under the registered name, whatever the inviter typed.
          name: role === 'jeugdige' ? kase.young_person_name : inv.name,
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
      const ownWords = ownWordsItem(userId, caseId, role);
      if (ownWords) await addToInbox(trx, [ownWords], now);
      return true;
    });
    if (!consumed) {
      const again = await load();
      return { ok: false, reason: (again && deadReason(again, now)) || 'used', caseId, ref };
    }
  } catch (err) {
    // Someone took the login between the check and the insert (unique constraint): same answer as before.
    if (await findUserByLogin(db, input.login)) {
      await refund();
      return { ok: false, reason: 'login_taken', caseId, ref };
    }
    // A young person arrived meanwhile (the database allows one per case).
    if (role === 'jeugdige' && (await hasYoungPerson(db, caseId))) {
      return { ok: false, reason: 'young_person_exists', caseId, ref };
    }
    throw err;
  }
  return { ok: true, userId, caseId, role, ref };
}
