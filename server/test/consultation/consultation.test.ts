/**
 * Consultation requests (domain brief §1: consultation "which a parent or a child may ask for too"):
 * the public form answers a receipt only, is limited per address, queues a receipt mail without care
 * data; the queue is the procesregisseur's of that region only (another region: 404), each read of the
 * contact details is logged, and the RET answers a request or turns it into a case.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bornYearsAgo,
  type CaseHarness,
  lastSeq,
  logSince,
  START,
  startCaseServer,
  type TestUser,
} from '../cases/support.js';

let h: CaseHarness;
let retWf: TestUser;
let retAlkmaar: TestUser;

// biome-ignore lint/suspicious/noExplicitAny: tables of several features, read plainly
const rawDb = () => h.db as unknown as Kysely<any>;
const textOf = (r: { body: { error?: unknown } }) => (r.body.error as { text?: string } | undefined)?.text;

async function inRegion(user: TestUser, region: string) {
  await rawDb().updateTable('users').set({ region }).where('id', '=', user.id).execute();
}

const request = (over: Record<string, unknown> = {}) => ({
  asker: 'ouder',
  region: 'West-Friesland',
  name: 'Marieke de Boer',
  phone: '06 1234 5678',
  email: 'marieke@example.nl',
  question: 'Mijn zoon van 13 gaat niet meer naar school. Wie kan ons helpen?',
  ...over,
});

/**
 * Each request its own address (X-Forwarded-For from the trusted loopback proxy), so the limit of one
 * test does not spill into the next; the rate-limit test reuses one.
 */
let address = 0;
const from = () => ({ 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${++address}` });
const submit = (body: unknown, headers = from()) =>
  h.raw(null, 'POST', '/api/consultations', JSON.stringify(body), headers);

beforeAll(async () => {
  h = await startCaseServer({ trustProxy: ['loopback'] });
  retWf = await h.user({ role: 'procesregisseur', name: 'Rianne RET', organisation: 'RET West-Friesland' });
  retAlkmaar = await h.user({ role: 'procesregisseur', name: 'Rob RET', organisation: 'RET Noord-Kennemerland' });
  await inRegion(retWf, 'West-Friesland');
  await inRegion(retAlkmaar, 'Alkmaar (Noord-Kennemerland)');
});
afterAll(async () => {
  await h?.close();
});

async function submitted(over: Record<string, unknown> = {}): Promise<{ id: string; receipt: string }> {
  const res = await submit(request(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const receipt = (res.body as { receipt: string }).receipt;
  const row = await rawDb()
    .selectFrom('consultations')
    .select('id')
    .where('receipt', '=', receipt)
    .executeTakeFirstOrThrow();
  return { id: row.id as string, receipt };
}

describe('POST /api/consultations (public)', () => {
  it('needs no login, answers a receipt only, lands in the region queue and queues a receipt mail', async () => {
    const seq = await lastSeq(h.db);
    const res = await submit(request());
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['receipt']);
    const receipt = (res.body as { receipt: string }).receipt;
    expect(receipt).toMatch(/^C-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const row = await rawDb()
      .selectFrom('consultations')
      .selectAll()
      .where('receipt', '=', receipt)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ region: 'West-Friesland', asker: 'ouder', state: 'open', case_id: null });
    const mails = await rawDb()
      .selectFrom('mail_outbox')
      .selectAll()
      .where('idempotency_key', '=', `consultation:${row.id}`)
      .execute();
    // The mail holds a link and a fixed kind: no name, no question.
    expect(mails).toMatchObject([
      { kind: 'consultation-receipt', to_address: 'marieke@example.nl', link: '/consultatie', user_id: null },
    ]);
    const log = await logSince(h.db, seq);
    expect(log.map((e) => [e.event, e.case_id, e.user_id, e.detail])).toEqual([
      ['create', null, null, `POST /api/consultations consultation ${receipt} (West-Friesland)`],
    ]);
  });

  it('without an e-mail address no mail is queued; a phone number is enough', async () => {
    const before = Number(
      (
        await rawDb()
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await submitted({ email: undefined, asker: 'jeugdige' });
    const after = Number(
      (
        await rawDb()
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it.each([
    [{ phone: undefined, email: undefined }, 400, 'contact_required', /telefoonnummer of een e-mailadres/],
    [{ phone: 'bel me', email: undefined }, 400, 'invalid_contact', /klopt niet/],
    [{ email: 'geen-adres' }, 400, 'invalid_contact', /klopt niet/],
    [{ region: 'Utrecht' }, 400, 'unknown_region', /negen jeugdregio/],
    [{ asker: 'professional' }, 400, 'invalid_request', /Niet alles is goed ingevuld/],
    [{ question: '' }, 400, 'invalid_request', /Niet alles is goed ingevuld/],
  ])('refuses %o with %i %s in Dutch; nothing stored', async (over, status, id, text) => {
    const before = Number(
      (
        await rawDb()
          .selectFrom('consultations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await submit(request(over));
    expect([res.status, res.body.error?.id]).toEqual([status, id]);
    expect(textOf(res)).toMatch(text);
    const after = Number(
      (
        await rawDb()
          .selectFrom('consultations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it('is rate-limited per address: the 6th request in a row gets 429 rate_limited, another address still gets through', async () => {
    const headers = from();
    for (let i = 0; i < 5; i++) expect((await submit(request(), headers)).status).toBe(201);
    const sixth = await submit(request(), headers);
    expect([sixth.status, sixth.body.error?.id]).toEqual([429, 'rate_limited']);
    expect(textOf(sixth)).toMatch(/Te veel pogingen/);
    expect((await submit(request())).status).toBe(201);
  });
});

describe('the RET queue', () => {
  it('lists only the own region, without contact details; not for other roles', async () => {
    const { id } = await submitted({ region: 'West-Friesland' });
    const elsewhere = await submitted({ region: 'Alkmaar (Noord-Kennemerland)' });
    const list = await h.api<{ consultations: Array<Record<string, unknown>> }>(retWf, 'GET', '/api/consultations');
    expect(list.status).toBe(200);
    const ids = list.body.consultations.map((c) => c.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(elsewhere.id);
    expect(
      list.body.consultations.every((c) => c.region === 'West-Friesland' && !('phone' in c) && !('name' in c)),
    ).toBe(true);
    const scientist = await h.user({ role: 'gedragswetenschapper' });
    expect((await h.api(scientist, 'GET', '/api/consultations')).status).toBe(403);
    expect((await h.api(null, 'GET', '/api/consultations')).status).toBe(401);
  });

  it('opens one with its contact details (a logged read); another region’s procesregisseur gets 404 (logged denial)', async () => {
    const { id, receipt } = await submitted();
    const seq = await lastSeq(h.db);
    const open = await h.api<{ consultation: Record<string, unknown> }>(retWf, 'GET', `/api/consultations/${id}`);
    expect(open.status).toBe(200);
    expect(open.body.consultation).toMatchObject({ name: 'Marieke de Boer', phone: '06 1234 5678', state: 'open' });
    const other = await h.api(retAlkmaar, 'GET', `/api/consultations/${id}`);
    expect([other.status, other.body.error?.id]).toEqual([404, 'not_found']);
    const log = await logSince(h.db, seq);
    expect(log.map((e) => [e.user_id, e.event, e.outcome, e.detail.replace(/^GET \S+ /, '')])).toEqual([
      [retWf.id, 'read', 'success', `consultation ${receipt}`],
      [retAlkmaar.id, 'read', 'denied', `consultation ${receipt}: not of this region`],
    ]);
  });

  it('answers a request: records the answer and outcome and closes it; a second answer is refused (409)', async () => {
    const { id } = await submitted();
    const url = `/api/consultations/${id}/answer`;
    expect((await h.api(retAlkmaar, 'POST', url, { answer: 'x', outcome: 'advies-gegeven' })).status).toBe(404);
    const res = await h.api<{ consultation: Record<string, unknown> }>(retWf, 'POST', url, {
      answer: 'Gebeld; advies gegeven over de leerplichtambtenaar en het lokale team.',
      outcome: 'advies-gegeven',
    });
    expect(res.status).toBe(200);
    expect(res.body.consultation).toMatchObject({ state: 'answered', outcome: 'advies-gegeven' });
    const again = await h.api(retWf, 'POST', url, { answer: 'nog eens', outcome: 'doorverwezen' });
    expect([again.status, again.body.error?.id]).toEqual([409, 'consultation_closed']);
  });

  it('turns a request into a case in one step: the case exists and the request is marked converted with its id', async () => {
    const { id } = await submitted({ asker: 'onderwijs' });
    const body = {
      youngPerson: { name: 'Jesse Kok', dateOfBirth: bornYearsAgo(START, 13), municipality: 'Medemblik' },
      region: 'West-Friesland',
      requester: 'onderwijs',
      question: 'Jesse dreigt uit te vallen op school.',
    };
    expect((await h.api(retAlkmaar, 'POST', `/api/consultations/${id}/convert`, body)).status).toBe(404);
    const res = await h.api<{ caseId: string; consultation: { state: string; caseId: string } }>(
      retWf,
      'POST',
      `/api/consultations/${id}/convert`,
      body,
    );
    expect(res.status).toBe(201);
    expect(res.body.consultation).toMatchObject({ state: 'converted', caseId: res.body.caseId });
    const c = await h.api<{ case: { requester: string; processDirectorId: string } }>(
      retWf,
      'GET',
      `/api/cases/${res.body.caseId}`,
    );
    expect(c.status).toBe(200);
    expect(c.body.case).toMatchObject({ requester: 'onderwijs', processDirectorId: retWf.id });
    // Converting twice would make a second case: refused, and no case was added.
    const cases = Number(
      (
        await rawDb()
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const again = await h.api(retWf, 'POST', `/api/consultations/${id}/convert`, {
      ...body,
      youngPerson: { ...body.youngPerson, name: 'Andere Naam' },
    });
    expect([again.status, again.body.error?.id]).toEqual([409, 'consultation_closed']);
    expect(
      Number(
        (
          await rawDb()
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(cases);
  });

  it('a refused registration (duplicate young person) leaves the request open', async () => {
    const { id } = await submitted();
    const body = {
      youngPerson: { name: 'Jesse Kok', dateOfBirth: bornYearsAgo(START, 13), municipality: 'Medemblik' },
      region: 'West-Friesland',
    };
    const res = await h.api(retWf, 'POST', `/api/consultations/${id}/convert`, body);
    expect([res.status, res.body.error?.id]).toEqual([409, 'duplicate_young_person']);
    const row = await rawDb()
      .selectFrom('consultations')
      .select(['state', 'case_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'open', case_id: null });
  });
});
