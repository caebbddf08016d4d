/** What the access-log tests share. */
import { afterAll, beforeAll } from 'vitest';
import { bornYearsAgo, type CaseHarness, caseWithTeam, START, startCaseServer } from '../cases/support.js';
import { DATABASE_URL, dropSchema, freshSchemaName } from '../support/services.js';

/** Makes a few API calls so the chain has entries of several kinds. */
export async function someTraffic(h: CaseHarness): Promise<void> {
  const team = await caseWithTeam(h, bornYearsAgo(START, 15));
  await h.api(team.youngPerson, 'GET', `/api/cases/${team.caseId}`);
  await h.api(team.parent, 'GET', '/api/cases');
  await h.api(team.provider, 'PUT', `/api/cases/${team.caseId}/status`, { status: 'monitoring' });
}

/**
 * For the enclosing describe block: a case server on a fresh Postgres schema with some traffic in its
 * access log, dropped afterwards. Returns the harness (available once the block's tests run).
 */
export function postgresCaseServerWithTraffic(schemaPrefix: string): () => CaseHarness {
  let h: CaseHarness | undefined;
  const schema = freshSchemaName(schemaPrefix);
  beforeAll(async () => {
    h = await startCaseServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
    await someTraffic(h);
  });
  afterAll(async () => {
    await h?.close();
    await dropSchema(schema);
  });
  return () => {
    if (!h) throw new Error('the Postgres case server has not started');
    return h;
  };
}
