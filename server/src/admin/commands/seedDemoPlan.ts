/**
 * The demo's future plan records (server/src/plan/): Sanne (16½, Hoorn) has a plan with per life domain
 * who pays now and from 18. Housing and income have their switch arranged (date + contact); care and
 * wellbeing (Jeugdwet → Zvw) not yet, so the demo shows the half-year check failing on exactly that, and
 * the local team arranging it turns it to passing. The municipality's demo account looks at Alkmaar (seedDemo.ts).
 * Idempotent: a plan that exists is left as it is.
 */
import { addAmsterdamDays } from '@samenspraak/shared';
import type { AppDb } from '../../db/database.js';
import { planDb } from '../../plan/planDb.js';

const SANNE = 'demo-westfriesland-sanne';
const LOTTE = 'Lotte Vos';

const DOMAINS = [
  {
    domain: 'wonen',
    situation: 'Sanne woont in een gezinshuis in Hoorn en wil daar blijven tot ze klaar is met haar opleiding.',
    goal: 'Na haar 18e blijft Sanne in het gezinshuis wonen; vanaf 19 oefent ze met zelfstandig wonen (kamertraining).',
    service: 'Begeleid wonen na 18',
    funder_now: 'Jeugdwet',
    funder_from_18: 'Wmo',
    arranged: -20,
    switch_contact: 'Karin de Wit, Wmo-consulent gemeente Hoorn',
  },
  {
    domain: 'onderwijs',
    situation: 'Sanne zit in het tweede jaar van de mbo-opleiding Helpende Zorg en Welzijn.',
    goal: 'Diploma niveau 2 halen en doorstromen naar niveau 3.',
    service: 'Loopbaanbegeleiding op school',
    funder_now: 'onderwijs',
    funder_from_18: 'onderwijs',
    arranged: null,
    switch_contact: '',
  },
  {
    domain: 'inkomen',
    situation: 'Sanne heeft een bijbaan in de supermarkt; ze heeft nog geen eigen bankrekening op haar naam alleen.',
    goal: 'Op haar 18e: eigen bankrekening, zorgverzekering, zorgtoeslag en studiefinanciering aangevraagd.',
    service: 'Hulp bij geldzaken (budgetcoach)',
    funder_now: 'geen',
    funder_from_18: 'Participatiewet',
    arranged: -10,
    switch_contact: 'Ahmed Yilmaz, consulent Werk en Inkomen Hoorn',
  },
  {
    domain: 'zorg',
    situation: 'Sanne heeft begeleiding van de jeugd-ggz voor haar angstklachten; dat loopt goed.',
    goal: 'De behandeling loopt na haar 18e door zonder wachttijd, bij de volwassenen-ggz.',
    service: 'Behandeling ggz (overdracht jeugd-ggz naar volwassenen-ggz)',
    funder_now: 'Jeugdwet',
    funder_from_18: 'Zvw',
    arranged: null,
    switch_contact: '',
  },
] as const;

export async function ensureDemoPlan(db: AppDb, now: Date): Promise<void> {
  const p = planDb(db);
  const sanne = await p.selectFrom('cases').select('id').where('id', '=', SANNE).executeTakeFirst();
  if (!sanne) return;
  const exists = await p.selectFrom('future_plans').select('case_id').where('case_id', '=', SANNE).executeTakeFirst();
  if (exists) return;
  const at = now.toISOString();
  const day = (d: number) => addAmsterdamDays(now, d).toISOString().slice(0, 10);
  await db.transaction().execute(async (trx) => {
    const t = planDb(trx as unknown as AppDb);
    await t
      .insertInto('future_plans')
      .values({
        case_id: SANNE,
        supporter_kind: 'jim',
        supporter_name: 'Marjolein (tante van Sanne)',
        updated_at: at,
        updated_by: 'seed-demo',
      })
      .execute();
    for (const d of DOMAINS) {
      await t
        .insertInto('future_plan_domains')
        .values({
          case_id: SANNE,
          domain: d.domain,
          situation: d.situation,
          goal: d.goal,
          service: d.service,
          funder_now: d.funder_now,
          funder_from_18: d.funder_from_18,
          switch_arranged_on: d.arranged === null ? null : day(d.arranged),
          switch_contact: d.switch_contact,
          youth_comment: '',
          updated_at: at,
          updated_by_name: LOTTE,
        })
        .execute();
    }
    await t
      .insertInto('future_plan_big5')
      .values({ case_id: SANNE, item: 'wonen', status: 'stabiel', confirmed_by_name: LOTTE, confirmed_at: at })
      .execute();
  });
}
