/**
 * Meetings, clock facts and live notifications on Postgres with the Redis adapter: the migrations, the
 * once-only claims of pushed notifications (ON CONFLICT), and meeting state through the adapter.
 */
import { documentId } from '@samenspraak/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { docFromStore } from '../../src/documents/content.js';
import {
  call,
  escalateToDbt,
  type LiveHarness,
  live,
  liveTeam,
  professional,
  startLiveServer,
  stateWhere,
} from '../realtime/liveSupport.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName, REDIS_URL } from '../support/services.js';
import { waitFor } from '../support/trackedClient.js';
import { paragraphsOf } from '../versions/support.js';

await describeWithServices('meetings and live notifications on Postgres', { postgres: true, redis: true }, () => {
  const schema = freshSchemaName('meetings');
  let h: LiveHarness;
  beforeAll(async () => {
    h = await startLiveServer({ databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL });
  });
  afterAll(async () => {
    await h?.close();
    await dropSchema(schema);
  });

  it('a meeting with a linked decision, clock facts, and an overdue commitment pushed once', async () => {
    const team = await liveTeam(h);
    const base = `/api/cases/${team.caseId}/meetings`;
    const scheduled = await call(
      team.regisseur,
      'POST',
      base,
      { title: 'MDO', scheduledAt: '2026-11-23T13:00:00Z', agenda: ['School'], inviteeUserIds: [team.teacher.userId] },
      201,
    );
    const meetingId = scheduled.meeting.id as string;
    const rLive = await live(h, team.regisseur);
    expect(await rLive.send('meeting:join', { caseId: team.caseId, meetingId })).toEqual({ ok: true });
    await call(team.regisseur, 'POST', `${base}/${meetingId}/start`, {}, 200);
    await stateWhere(rLive, meetingId, (m) => m.status === 'live' && m.attendance.some((a) => a.present), 'live');
    await call(
      team.regisseur,
      'POST',
      `${base}/${meetingId}/items`,
      { kind: 'decision', text: 'Terug naar school', link: { document: 'analysis', section: 'evaluatie' } },
      201,
    );
    await stateWhere(rLive, meetingId, (m) => m.items.length === 1, 'decision');
    const analysis = docFromStore(await h.server.store.load(documentId(team.caseId, 'analysis')));
    expect(paragraphsOf(analysis, 'evaluatie')).toEqual(['Besluit MDO 23-11-2026: Terug naar school']);

    const facts = await call(
      team.lokaal,
      'PUT',
      `/api/cases/${team.caseId}/clock-facts`,
      { futurePlanCheckedAt: '2026-11-01' },
      200,
    );
    // A date is its local midnight in Amsterdam (issue 13: was UTC midnight, 01:00 local).
    expect(facts.facts.futurePlanCheckedAt).toBe('2026-10-31T23:00:00.000Z');

    await escalateToDbt(h, team);
    const session = await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions`,
      { scheduledAt: h.clock.now.toISOString(), followUpDays: 30 },
      201,
    );
    const director = await professional(h, 'dbt-lid');
    await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions/${session.session.id}/invitations`,
      { userId: director.userId },
      201,
    );
    await call(
      director,
      'POST',
      `/api/cases/${team.caseId}/commitments`,
      {
        organisation: 'Gemeente',
        what: 'budget',
        lawOrBudget: 'Jeugdwet',
        dueAt: new Date(h.clock.now.getTime() + 60_000).toISOString(),
      },
      201,
    );
    h.clock.advance(5 * 60_000);
    await h.server.services.caseEvents.clockMoved();
    await waitFor(() => rLive.notifications.length === 1, 5000, 'pushed');
    expect(rLive.notifications[0]).toMatchObject({ caseId: team.caseId, kind: 'commitment-overdue' });
    await h.server.services.caseEvents.clockMoved();
    await new Promise((r) => setTimeout(r, 300));
    expect(rLive.notifications).toHaveLength(1);
  });
});
