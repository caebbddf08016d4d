/** The table region_settings (migration 0019_decisions) as the regions code sees it. */
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { AppSchema } from '../db/schema.js';

export interface RegionSettingsTable {
  region: string;
  analysis_recent_months: number;
  west_friesland_rule: number;
  wf_contact_days: number;
  wf_escalation_days: number;
  updated_by: string;
  updated_at: string;
}

export interface RegionsSchema extends AppSchema {
  region_settings: RegionSettingsTable;
}

export const regionsDb = (db: AppDb | Kysely<never>) => db as unknown as Kysely<RegionsSchema>;
