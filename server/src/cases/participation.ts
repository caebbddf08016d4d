/** Who is on a case in which role, and the case facts the access rules need. */
import type { Role } from '@samenspraak/shared';
import type { AppDb } from '../db/database.js';
import type { CaseFacts } from '../domain/caseAccess.js';
import { caseDb } from './caseDb.js';

export interface Participation {
  caseId: string;
  userId: string;
  role: Role;
  facts: CaseFacts;
}

export async function loadParticipation(db: AppDb, caseId: string, userId: string): Promise<Participation | null> {
  const row = await caseDb(db)
    .selectFrom('participants')
    .innerJoin('cases', 'cases.id', 'participants.case_id')
    .select([
      'participants.role as role',
      'participants.access_until as access_until',
      'cases.date_of_birth as date_of_birth',
      'cases.parents_consent as parents_consent',
      'cases.closed_at as closed_at',
    ])
    .where('participants.case_id', '=', caseId)
    .where('participants.user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    caseId,
    userId,
    role: row.role as Role,
    facts: {
      dateOfBirth: row.date_of_birth,
      parentsConsent: row.parents_consent === 1,
      closed: row.closed_at !== null,
      accessUntil: row.access_until,
    },
  };
}
