/**
 * Migration 0016 and the registration, team and consultation queries on Postgres: a registration, the
 * duplicate check, a removal with its reason, and a consultation request turned into a case.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bornYearsAgo, type CaseHarness, START, startCaseServer, type TestUser } from '../cases/support.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName } from '../support/services.js';

await describeWithServices('registration and consultation on Postgres', { postgres: true }, () => {
  const schema = freshSchemaName('registration');
  let h: CaseHarness;
  let ret: TestUser;
  // biome-ignore lint/suspicious/noExplicitAny: tables of several features, read plainly
  const rawDb = () => h.db as unknown as Kysely<any>;

  beforeAll(async () => {
    h = await startCaseServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
    ret = await h.user({ role: 'procesregisseur', name: 'Rianne RET' });
    await rawDb().updateTable('users').set({ region: 'IJmond' }).where('id', '=', ret.id).execute();
  });
  afterAll(async () => {
    await h?.close();
    await dropSchema(schema);
  });

  it('registers, refuses the duplicate, removes with a reason, converts a request', async () => {
    const body = {
      youngPerson: { name: 'Éva Jansen', dateOfBirth: bornYearsAgo(START, 12), municipality: 'Velsen' },
      region: 'IJmond',
      requester: 'ouder',
      question: 'Advies gevraagd',
    };
    const created = await h.api<{ case: { id: string; processDirectorId: string } }>(ret, 'POST', '/api/cases', body);
    expect(created.status).toBe(201);
    expect(created.body.case.processDirectorId).toBe(ret.id);
    const again = await h.api(ret, 'POST', '/api/cases', {
      ...body,
      youngPerson: { ...body.youngPerson, name: 'eva  jansen' },
    });
    expect([again.status, again.body.error?.id]).toEqual([409, 'duplicate_young_person']);

    const colleague = await h.user({ role: 'gedragswetenschapper', name: 'Gijs' });
    const caseId = created.body.case.id;
    expect(
      (
        await h.api(ret, 'POST', `/api/cases/${caseId}/participants`, {
          userId: colleague.id,
          role: 'gedragswetenschapper',
        })
      ).status,
    ).toBe(201);
    const found = await h.api<{ professionals: unknown[] }>(ret, 'GET', '/api/directory/professionals?q=gij');
    expect(found.body.professionals).toHaveLength(1);
    expect(
      (await h.api(ret, 'DELETE', `/api/cases/${caseId}/participants/${colleague.id}`, { reason: 'dubbel' })).status,
    ).toBe(204);

    const submitted = await h.api<{ receipt: string }>(null, 'POST', '/api/consultations', {
      asker: 'jeugdige',
      region: 'IJmond',
      name: 'Sam',
      email: 'sam@example.nl',
      question: 'Ik wil praten',
    });
    expect(submitted.status).toBe(201);
    const queue = await h.api<{ consultations: Array<{ id: string }> }>(ret, 'GET', '/api/consultations');
    expect(queue.body.consultations).toHaveLength(1);
    const id = queue.body.consultations[0]?.id ?? '';
    const converted = await h.api<{ caseId: string }>(ret, 'POST', `/api/consultations/${id}/convert`, {
      youngPerson: { name: 'Sam de Vries', dateOfBirth: bornYearsAgo(START, 15), municipality: 'Beverwijk' },
      region: 'IJmond',
      requester: 'jeugdige',
    });
    expect(converted.status).toBe(201);
    const row = await rawDb()
      .selectFrom('consultations')
      .select(['state', 'case_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'converted', case_id: converted.body.caseId });
  });
});
