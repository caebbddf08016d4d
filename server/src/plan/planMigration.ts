/**
 * Migration 0020_future_plan: the structured part of the future plan (domain brief §4) as server records,
 * so who-writes-what and the reason for a move near 18 are enforced, and the half-year check is computed
 * from content:
 *  - future_plans: one per case, the supporter (JIM, cliëntondersteuner), when the plan last changed;
 *  - future_plan_domains: per life domain situation, goal, service, who pays now and from 18, the switch
 *    (date + named contact), the young person's comment;
 *  - future_plan_big5: the local team's confirmation per BIG5 item;
 *  - future_plan_moves: moves, with the reason (required within 6 months of the 18th birthday).
 * A policy officer's municipality is users.municipality (migration 0022), as the monitor reads it.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const planMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('future_plans')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('supporter_kind', 'text')
      .addColumn('supporter_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('future_plan_domains')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('situation', 'text', (c) => c.notNull())
      .addColumn('goal', 'text', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('funder_now', 'text')
      .addColumn('funder_from_18', 'text')
      .addColumn('switch_arranged_on', 'text')
      .addColumn('switch_contact', 'text', (c) => c.notNull())
      .addColumn('youth_comment', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by_name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('future_plan_domains_pk', ['case_id', 'domain'])
      .execute();
    await db.schema
      .createTable('future_plan_big5')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('confirmed_by_name', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('future_plan_big5_pk', ['case_id', 'item'])
      .execute();
    await db.schema
      .createTable('future_plan_moves')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('moved_on', 'text', (c) => c.notNull())
      .addColumn('new_address_kind', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('near_eighteen', 'integer', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('future_plan_moves_case').on('future_plan_moves').column('case_id').execute();
  },
};
