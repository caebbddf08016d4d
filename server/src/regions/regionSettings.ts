/**
 * A region's own settings (storage, query, command). A region without a row has the defaults
 * (REGION_DEFAULTS: analysis recent for 6 months; the West-Friesland rule off) — so the rule of one
 * region's 2021 proposal (004 actie 4) never applies elsewhere unless that region's beheerder sets it.
 */
import {
  REGION_DEFAULTS,
  REGIONS,
  type Region,
  type RegionSettingsBody,
  type RegionSettingsView,
} from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import { regionsDb } from './regionsDb.js';

export const isRegion = (value: unknown): value is Region =>
  typeof value === 'string' && (REGIONS as readonly string[]).includes(value);

/** The settings of `region` (a case's region outside the list gets the defaults). */
export async function regionSettings(db: AppDb | Kysely<never>, region: string): Promise<RegionSettingsView> {
  const row = await regionsDb(db)
    .selectFrom('region_settings')
    .selectAll()
    .where('region', '=', region)
    .executeTakeFirst();
  const known = isRegion(region) ? region : REGIONS[0];
  if (!row) return { region: known, ...REGION_DEFAULTS, updatedAt: null };
  return {
    region: known,
    analysisRecentMonths: row.analysis_recent_months,
    westFrieslandRule: row.west_friesland_rule === 1,
    wfContactDays: row.wf_contact_days,
    wfEscalationDays: row.wf_escalation_days,
    updatedAt: row.updated_at,
  };
}

/** The West-Friesland clock's days for a case's region, or null where the region does not use the rule. */
export async function westFrieslandDays(
  db: AppDb,
  region: string,
): Promise<{ contactDays: number; escalationDays: number } | null> {
  const s = await regionSettings(db, region);
  return s.westFrieslandRule ? { contactDays: s.wfContactDays, escalationDays: s.wfEscalationDays } : null;
}

/** Stores the changed settings over the current ones; the contact moment must stay before the escalation. */
export async function saveRegionSettings(
  db: AppDb,
  region: Region,
  body: RegionSettingsBody,
  by: string,
  now: Date,
): Promise<RegionSettingsView | { error: string }> {
  const current = await regionSettings(db, region);
  const next = {
    analysis_recent_months: body.analysisRecentMonths ?? current.analysisRecentMonths,
    west_friesland_rule: (body.westFrieslandRule ?? current.westFrieslandRule) ? 1 : 0,
    wf_contact_days: body.wfContactDays ?? current.wfContactDays,
    wf_escalation_days: body.wfEscalationDays ?? current.wfEscalationDays,
    updated_by: by,
    updated_at: now.toISOString(),
  };
  if (next.wf_contact_days >= next.wf_escalation_days)
    return { error: 'wfContactDays: the contact moment comes before the escalation moment' };
  await regionsDb(db)
    .insertInto('region_settings')
    .values({ region, ...next })
    .onConflict((oc) => oc.column('region').doUpdateSet(next))
    .execute();
  return regionSettings(db, region);
}
