/**
 * Destroying a case whose document is open in the collaboration core: the editor is disconnected, and
 * the in-memory copy — which the core compacts back into the store when it unloads — is swept again.
 */
import { CloseCode, DEFAULT_LIMITS, documentId } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RawCollabSocket } from '../support/rawCollabSocket.js';
import { tokenFor } from '../support/tokens.js';
import { bornYearsAgo, type CaseHarness, type CaseTeam, caseWithTeam, START, startCaseServer } from './support.js';

let h: CaseHarness;
let team: CaseTeam;
let socket: RawCollabSocket | null = null;

beforeAll(async () => {
  h = await startCaseServer({ limits: { ...DEFAULT_LIMITS, unloadGraceMs: 100 } });
  team = await caseWithTeam(h, bornYearsAgo(START, 15));
});
afterAll(async () => {
  socket?.ws.terminate();
  await h?.close();
});

describe('destruction of an open document', () => {
  it('leaves no document data behind once the core has unloaded it', async () => {
    const docId = documentId(team.caseId, 'analysis');
    const doc = new Y.Doc();
    doc.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('Vertrouwelijk')]);
    await h.services.store.append([{ docId, update: Y.encodeStateAsUpdate(doc) }]);

    const token = await tokenFor(
      { [docId]: 'write' },
      { sub: team.provider.id, name: team.provider.name, role: 'jeugdhulpaanbieder' },
    );
    socket = new RawCollabSocket(h.server.url.replace(/^http/, 'ws'), docId, token);
    await socket.ready();
    expect(h.server.collab.loadedDocument(docId)).toBeDefined();

    const asked = await h.api<{ request: { id: string } }>(
      team.youngPerson,
      'POST',
      `/api/cases/${team.caseId}/destruction-requests`,
      {
        reason: 'Graag alles weg.',
      },
    );
    const decided = await h.api<{ request: { executedAt: string | null } }>(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/destruction-requests/${asked.body.request.id}/decision`,
      { decision: 'approved' },
    );
    expect(decided.body.request.executedAt).not.toBeNull();
    expect((await socket.closed()).code).toBe(CloseCode.AccessRevoked);

    // The core unloads after its grace period and writes its copy back; the second sweep follows.
    const deadline = Date.now() + 5_000;
    while (h.server.collab.loadedDocument(docId) !== undefined) {
      if (Date.now() > deadline) throw new Error('document not unloaded');
      await new Promise((r) => setTimeout(r, 20));
    }
    // Past the sweep (grace period + 2 s): whatever the unload wrote back is gone again.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await h.services.store.load(docId)).toEqual({ snapshot: null, tail: [], claims: [] });
  });
});
