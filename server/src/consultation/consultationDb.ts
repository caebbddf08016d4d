/** The consultation queue as its code sees it (migration 0016_registration, cases/registrationMigration.ts). */
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';

export interface ConsultationsTable {
  id: string;
  /** What the asker quotes; unguessable, so it names no other request. */
  receipt: string;
  region: string;
  asker: string;
  name: string;
  phone: string | null;
  email: string | null;
  question: string;
  created_at: string;
  /** open | answered | converted */
  state: string;
  answer: string | null;
  outcome: string | null;
  closed_at: string | null;
  closed_by: string | null;
  case_id: string | null;
}

export interface ConsultationSchema {
  consultations: ConsultationsTable;
  users: { id: string; kind: string; role: string | null; region?: string | null; disabled: number };
}

export function consultationDb(db: AppDb): Kysely<ConsultationSchema> {
  return db as unknown as Kysely<ConsultationSchema>;
}
