/**
 * The inbox on Postgres with the Redis adapter and two instances: an item added on instance A reaches the
 * person's socket on instance B (the room crosses the adapter), and the daily digest run by both instances
 * at once queues one mail (the day's row in inbox_digests and the outbox key are the claims).
 */
import { documentId, type InboxChanged } from '@samenspraak/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDigests } from '../../src/inbox/digest.js';
import { call, type LiveHarness, live, liveTeam, startLiveServer } from '../realtime/liveSupport.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName, REDIS_URL } from '../support/services.js';
import { waitFor } from '../support/trackedClient.js';

await describeWithServices('the inbox across two instances on Postgres', { postgres: true, redis: true }, () => {
  const schema = freshSchemaName('inbox');
  let a: LiveHarness;
  let b: LiveHarness;
  beforeAll(async () => {
    const shared = { databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL };
    a = await startLiveServer(shared);
    b = await startLiveServer(shared);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(schema);
  });

  it('an item added on A is heard on B; the digest of both instances is one mail', async () => {
    const team = await liveTeam(a);
    // The parent's socket and session are on instance B.
    const pLive = await live(b, team.parent);
    const heard: InboxChanged[] = [];
    pLive.socket.on('inbox:changed', (e) => heard.push(e));
    const comments = `/api/documents/${documentId(team.caseId, 'analysis')}/comments`;
    const posted = await call(team.parent, 'POST', comments, { section: 'hulpvraag_ouders', text: 'Onze zorg' }, 201);
    a.clock.advance(1000);
    await call(
      team.scientist,
      'POST',
      comments,
      { section: 'hulpvraag_ouders', text: 'Gezien.', parentId: posted.comment.id },
      201,
    );
    await waitFor(() => heard.length > 0, 5000, 'inbox:changed on instance B');

    const db = a.server.services.db;
    await db
      .updateTable('users')
      .set({ email: 'petra@example.nl', mail_preference: 'daily' })
      .where('id', '=', team.parent.userId)
      .execute();
    const at = new Date('2026-11-24T06:30:00Z');
    const [x, y] = await Promise.all([runDigests(a.server.services.db, at), runDigests(b.server.services.db, at)]);
    expect(x + y).toBe(1);
    const mails = await db
      .selectFrom('mail_outbox' as never)
      .select(['idempotency_key' as never])
      .execute();
    expect(mails).toEqual([{ idempotency_key: `digest:${team.parent.userId}:2026-11-24` }]);
  });
});
