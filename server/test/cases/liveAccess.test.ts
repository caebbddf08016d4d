/**
 * Changes of access take effect on live collaboration connections at once: removing a participant and
 * withdrawing the parents' consent close their open documents (AccessRevoked), not only their next visit.
 */
import { CloseCode, documentId } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawCollabSocket } from '../support/rawCollabSocket.js';
import { tokenFor } from '../support/tokens.js';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  START,
  startCaseServer,
  type TestUser,
} from './support.js';

let h: CaseHarness;
let team: CaseTeam;
let wsUrl: string;
const open: RawCollabSocket[] = [];

async function connect(user: TestUser, role: 'ouder' | 'jeugdhulpaanbieder'): Promise<RawCollabSocket> {
  const docId = documentId(team.caseId, 'analysis');
  const token = await tokenFor({ [docId]: 'write' }, { sub: user.id, name: user.name, role });
  const socket = new RawCollabSocket(wsUrl, docId, token);
  open.push(socket);
  await socket.ready();
  return socket;
}

beforeAll(async () => {
  h = await startCaseServer();
  wsUrl = h.server.url.replace(/^http/, 'ws');
  team = await caseWithTeam(h, bornYearsAgo(START, 16, 30));
});
afterAll(async () => {
  for (const s of open) s.ws.terminate();
  await h?.close();
});

describe('live connections follow access changes', () => {
  it('a removed participant’s open document is closed with AccessRevoked', async () => {
    const socket = await connect(team.provider, 'jeugdhulpaanbieder');
    const res = await h.api(team.regisseur, 'DELETE', `/api/cases/${team.caseId}/participants/${team.provider.id}`, {
      reason: 'niet meer betrokken',
    });
    expect(res.status).toBe(204);
    expect((await socket.closed()).code).toBe(CloseCode.AccessRevoked);
  });

  it('withdrawing the parents’ consent closes the parent’s open document', async () => {
    expect(
      (await h.api(team.youngPerson, 'PUT', `/api/cases/${team.caseId}/parents-consent`, { consent: true })).status,
    ).toBe(200);
    const socket = await connect(team.parent, 'ouder');
    expect(
      (await h.api(team.youngPerson, 'PUT', `/api/cases/${team.caseId}/parents-consent`, { consent: false })).status,
    ).toBe(200);
    expect((await socket.closed()).code).toBe(CloseCode.AccessRevoked);
  });
});
