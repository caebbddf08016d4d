/**
 * Migration 0019_decisions: what the explanatory analysis binds, and the escalation rules that rest on it.
 *  - region_settings: a region's own choices (recent analysis in months; the West-Friesland rule, off);
 *  - placement_decisions: out-of-home / closed placement, the signed-off analysis version it rests on,
 *    a departure's reason (binding advice, 002 h1);
 *  - joint_risk_records / joint_risk_agreements: "pas op de plaats", risks borne jointly (002);
 *  - help_disagreements: GI and local team disagree, help starts anyway, evaluated afterwards (004 actie 4);
 *  - escalation_steps.analysis_version_id, .doorbraakaanpak; commitments.released_*; breakthrough_sessions.outcome*.
 * One column per ALTER (SQLite).
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const decisionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('region_settings')
      .addColumn('region', 'text', (c) => c.primaryKey())
      .addColumn('analysis_recent_months', 'integer', (c) => c.notNull())
      .addColumn('west_friesland_rule', 'integer', (c) => c.notNull())
      .addColumn('wf_contact_days', 'integer', (c) => c.notNull())
      .addColumn('wf_escalation_days', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('placement_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('follows_analysis', 'integer', (c) => c.notNull())
      .addColumn('departure_reason', 'text')
      .addColumn('gz_psycholoog_id', 'text')
      .addColumn('gz_psycholoog_name', 'text')
      .addColumn('analysis_version_id', 'text', (c) => c.notNull())
      .addColumn('analysis_version_name', 'text', (c) => c.notNull())
      .addColumn('analysis_signed_off_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_by_name', 'text', (c) => c.notNull())
      .addColumn('decided_by_role', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('placement_decisions_case').on('placement_decisions').column('case_id').execute();
    await db.schema
      .createTable('joint_risk_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      /** JSON: [{ risk, bornBy: party[] }] */
      .addColumn('risks', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('joint_risk_records_case').on('joint_risk_records').column('case_id').execute();
    await db.schema
      .createTable('joint_risk_agreements')
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('user_role', 'text', (c) => c.notNull())
      .addColumn('agreed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('joint_risk_agreements_pk', ['record_id', 'party'])
      .execute();
    await db.schema
      .createTable('help_disagreements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('help_started', 'text', (c) => c.notNull())
      .addColumn('gi_view', 'text', (c) => c.notNull())
      .addColumn('local_team_view', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('help_disagreements_case').on('help_disagreements').column('case_id').execute();
    await db.schema.alterTable('escalation_steps').addColumn('analysis_version_id', 'text').execute();
    await db.schema
      .alterTable('escalation_steps')
      .addColumn('doorbraakaanpak', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('commitments').addColumn('released_at', 'text').execute();
    await db.schema.alterTable('commitments').addColumn('released_by', 'text').execute();
    await db.schema.alterTable('commitments').addColumn('release_reason', 'text').execute();
    await db.schema.alterTable('breakthrough_sessions').addColumn('outcome', 'text').execute();
    await db.schema.alterTable('breakthrough_sessions').addColumn('outcome_at', 'text').execute();
    await db.schema.alterTable('breakthrough_sessions').addColumn('outcome_by', 'text').execute();
  },
};
