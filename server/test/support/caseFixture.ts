/** Creates cases, users and participants directly in the database, for tests of the access rules. */
import crypto from 'node:crypto';
import type { Role } from '@samenspraak/shared';
import type { AppDb } from '../../src/db/database.js';

export async function createCase(
  db: AppDb,
  opts: { dateOfBirth: string; parentsConsent?: boolean; name?: string; id?: string },
): Promise<string> {
  const id = opts.id ?? `case-${crypto.randomUUID().slice(0, 8)}`;
  await db
    .insertInto('cases')
    .values({
      id,
      young_person_name: opts.name ?? 'Noor',
      date_of_birth: opts.dateOfBirth,
      municipality: 'Alkmaar',
      region: 'Alkmaar',
      status: 'analyse_en_planvorming',
      responsible_scientist_id: null,
      parents_consent: opts.parentsConsent ? 1 : 0,
      created_at: new Date().toISOString(),
      closed_at: null,
      retention_until: null,
    })
    .execute();
  return id;
}

/** A user on the case in `role`; returns the user id. */
export async function addParticipant(db: AppDb, caseId: string, role: Role, name = `${role} tester`): Promise<string> {
  const userId = `user-${crypto.randomUUID().slice(0, 8)}`;
  const client = role === 'jeugdige' || role === 'ouder';
  await db
    .insertInto('users')
    .values({
      id: userId,
      kind: client ? 'client' : 'professional',
      login: `${userId}@test.invalid`,
      name,
      role: client ? null : role,
      organisation_id: null,
      password_hash: null,
      totp_secret: null,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  await db
    .insertInto('participants')
    .values({ case_id: caseId, user_id: userId, role, added_at: new Date().toISOString(), added_by: null })
    .execute();
  return userId;
}
