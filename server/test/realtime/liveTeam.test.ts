/**
 * Team management is live for everyone looking at the case page: adding a professional, handing over
 * procesregie and ending someone's access each send `case:changed` (kind 'case') to the case room, so
 * every open case page re-reads the team (client/src/features/overview/CasePage.tsx).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/trackedClient.js';
import { call, type LiveHarness, type LiveTeam, live, liveTeam, professional, startLiveServer } from './liveSupport.js';

let h: LiveHarness;
let team: LiveTeam;

beforeAll(async () => {
  h = await startLiveServer();
  team = await liveTeam(h);
});
afterAll(async () => {
  await h?.close();
});

describe('team changes reach a second client on the case', () => {
  it('add, hand over, remove: each a case:changed in the case room', async () => {
    const watcher = await live(h, team.youngPerson);
    expect(await watcher.send('case:join', { caseId: team.caseId })).toEqual({ ok: true });
    const seen = () => watcher.caseChanged.filter((e) => e.caseId === team.caseId && e.kind === 'case').length;

    const colleague = await professional(h, 'jeugdhulpaanbieder');
    await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/participants`,
      { userId: colleague.userId, role: 'jeugdhulpaanbieder' },
      201,
    );
    await waitFor(() => seen() >= 1, 5000, 'case:changed after adding');

    await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/process-direction`,
      { userId: team.scientist.userId },
      200,
    );
    await waitFor(() => seen() >= 2, 5000, 'case:changed after the handover');

    await call(
      team.regisseur,
      'DELETE',
      `/api/cases/${team.caseId}/participants/${colleague.userId}`,
      { reason: 'Verkeerde collega toegevoegd' },
      204,
    );
    await waitFor(() => seen() >= 3, 5000, 'case:changed after the removal');
    // Ids only: the client re-reads through the API.
    expect(watcher.caseChanged.at(-1)).toEqual({ caseId: team.caseId, kind: 'case' });
  });
});
