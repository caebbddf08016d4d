/**
 * Live connections follow the person's rights on one instance: after each right change, the person's
 * stock y-websocket client and token socket.io client are cut off (or the editor downgraded to
 * read-only), their session socket leaves the case (or ends, for log out everywhere), and their
 * document token opens nothing any more — neither the document nor the live channel.
 * The periodic sweep is off (notifyIntervalMs 0): only the change itself can have cut them off.
 */
import { CloseCode, RejectReason } from '@samenspraak/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RightsFixture, type Site } from '../support/liveRights.js';
import { startTestServer } from '../support/testServer.js';
import { waitFor } from '../support/trackedClient.js';

let now = new Date('2026-03-01T10:00:00.000Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: RightsFixture;
let site: Site;

beforeAll(async () => {
  server = await startTestServer({ notifyIntervalMs: 0 }, { clock: () => now });
  fx = new RightsFixture(server.services.db, () => now);
  site = { url: server.url };
});
afterEach(() => fx.closeAll());
afterAll(async () => {
  fx?.closeAll();
  await server?.close();
});

describe('a right change cuts the person off at once (one instance)', () => {
  it('removal from the case', async () => {
    const t = await fx.team(site);
    const c = await fx.connect(site, t.provider, t.caseId, t.docId);
    expect(
      (
        await fx.api(site, t.regisseur, 'DELETE', `/api/cases/${t.caseId}/participants/${t.provider.id}`, {
          reason: 'niet meer betrokken',
        })
      ).status,
    ).toBe(204);
    await c.editorRevoked();
    await c.tokenSocketGone();
    await c.sessionSocketLeftCase();
    expect(await c.tokenOpensDocument()).toBe(CloseCode.Forbidden);
    expect(await c.tokenJoinsOverSocketIo()).toBe(false);
  });

  it('withdrawn consent', async () => {
    const t = await fx.team(site);
    const consent = (given: boolean) =>
      fx.api(site, t.youngPerson, 'PUT', `/api/cases/${t.caseId}/parents-consent`, { consent: given });
    expect((await consent(true)).status).toBe(200);
    const c = await fx.connect(site, t.parent, t.caseId, t.docId);
    expect((await consent(false)).status).toBe(200);
    await c.editorRevoked();
    await c.tokenSocketGone();
    await c.sessionSocketLeftCase();
    expect(await c.tokenOpensDocument()).toBe(CloseCode.Forbidden);
    expect(await c.tokenJoinsOverSocketIo()).toBe(false);
  });

  it('log out everywhere, which also revokes the document token', async () => {
    const t = await fx.team(site);
    const c = await fx.connect(site, t.provider, t.caseId, t.docId);
    const res = await fx.api(site, t.provider, 'POST', '/api/auth/logout-all');
    expect(res.status).toBe(200);
    await c.editorRevoked();
    await c.tokenSocketGone();
    await c.sessionSocketGone();
    // Still a participant: only the revocation can refuse this token.
    expect(await c.tokenOpensDocument()).toBe(CloseCode.AccessRevoked);
    expect(await c.tokenJoinsOverSocketIo()).toBe(false);
    // A token issued after logging in again works.
    const fresh = await fx.connect(site, t.provider, t.caseId, t.docId);
    expect(await fresh.tokenOpensDocument()).toBeNull();
  });

  it('destruction of the case', async () => {
    const t = await fx.team(site);
    const c = await fx.connect(site, t.provider, t.caseId, t.docId);
    const asked = await fx.api(site, t.youngPerson, 'POST', `/api/cases/${t.caseId}/destruction-requests`, {
      reason: 'Graag alles weg.',
    });
    expect(asked.status).toBe(201);
    const decided = await fx.api(
      site,
      t.regisseur,
      'POST',
      `/api/cases/${t.caseId}/destruction-requests/${asked.body.request.id}/decision`,
      { decision: 'approved' },
    );
    expect(decided.body.request.executedAt).not.toBeNull();
    await c.editorRevoked();
    await c.tokenSocketGone();
    await c.sessionSocketLeftCase();
    expect(await c.tokenOpensDocument()).toBe(CloseCode.Forbidden);
    expect(await c.tokenJoinsOverSocketIo()).toBe(false);
  });

  it('access that ends with time (the young person turns 16, no consent for the parents)', async () => {
    const t = await fx.team(site, { sixteenInDays: 2 });
    const c = await fx.connect(site, t.parent, t.caseId, t.docId);
    now = new Date(now.getTime() + 5 * 24 * 3600 * 1000);
    // What the periodic sweep (and PUT /api/test/clock) runs when time moved.
    await server.services.caseEvents.clockMoved();
    await c.editorRevoked();
    await c.tokenSocketGone();
    // (Five days on, the session socket has ended anyway: its session went idle.)
    await c.sessionSocketGone();
    expect(await c.tokenOpensDocument()).toBe(CloseCode.Forbidden);
    expect(await c.tokenJoinsOverSocketIo()).toBe(false);
  });

  it('a disabled account: its token opens nothing, and the next sweep ends its connections', async () => {
    const t = await fx.team(site);
    const c = await fx.connect(site, t.provider, t.caseId, t.docId);
    await server.services.db.updateTable('users').set({ disabled: 1 }).where('id', '=', t.provider.id).execute();
    expect(await c.tokenOpensDocument()).toBe(CloseCode.AccessRevoked);
    expect(await c.tokenJoinsOverSocketIo()).toBe(false);
    await server.services.caseEvents.clockMoved();
    await c.editorRevoked();
    await c.tokenSocketGone();
    await c.sessionSocketGone();
  });

  it('closing the case downgrades an open editor to read-only', async () => {
    const t = await fx.team(site);
    const c = await fx.connect(site, t.provider, t.caseId, t.docId);
    const closed = await fx.api(site, t.regisseur, 'PUT', `/api/cases/${t.caseId}/status`, { status: 'afgeschaald' });
    expect(closed.status).toBe(200);
    c.editor.doc.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('na sluiten')]);
    await waitFor(
      () => c.editor.rejections.some((r) => r.reason === RejectReason.ReadOnly),
      5000,
      'edit refused as read-only',
    );
    expect(c.editor.closes).toEqual([]);
    expect(c.tokenSocket.connected).toBe(true);
  });
});
