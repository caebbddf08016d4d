/**
 * Live connections follow the person's rights on EVERY instance: two server processes on one Postgres
 * and one Redis, the person connected to both (stock y-websocket client, token socket.io client, session
 * socket.io client on each), the change made through instance A. Both instances cut the person off and
 * neither accepts their document token afterwards. The periodic sweep is off (NOTIFY_INTERVAL_MS=0):
 * only the change, passed on through Redis, can have reached instance B.
 */

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CloseCode, RejectReason } from '@samenspraak/shared';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type AppDatabase, openAppDatabase } from '../../src/db/database.js';
import { SCHEMA_MIGRATIONS } from '../../src/schemaMigrations.js';
import { assertBuilt, type Instance, killAllInstances, ROOT, startInstance } from '../support/instances.js';
import { type LiveConnections, RightsFixture } from '../support/liveRights.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName, REDIS_URL } from '../support/services.js';
import { TEST_SECRET, tempDir } from '../support/testServer.js';
import { waitFor } from '../support/trackedClient.js';

const execFileAsync = promisify(execFile);
const schema = freshSchemaName('rights');
let a: Instance;
let b: Instance;
let appDb: AppDatabase;
let fx: RightsFixture;

/** Everything the person had open, on both instances, is cut off; the token opens nothing on either. */
async function cutOffEverywhere(
  conns: LiveConnections[],
  expected: { tokenClose: number; session: 'gone' | 'left-case' },
): Promise<void> {
  for (const c of conns) {
    await c.editorRevoked();
    await c.tokenSocketGone();
    if (expected.session === 'gone') await c.sessionSocketGone();
    else await c.sessionSocketLeftCase();
  }
  for (const c of conns) {
    expect(await c.tokenOpensDocument(), c.site.url).toBe(expected.tokenClose);
    expect(await c.tokenJoinsOverSocketIo(), c.site.url).toBe(false);
  }
}

await describeWithServices(
  'rights changes reach every instance (Redis, Postgres)',
  { redis: true, postgres: true },
  () => {
    beforeAll(async () => {
      assertBuilt();
      const common = {
        databaseUrl: DATABASE_URL,
        databaseSchema: schema,
        redisUrl: REDIS_URL,
        env: { NOTIFY_INTERVAL_MS: '0' },
      };
      a = await startInstance({ name: 'rights-a', ...common });
      b = await startInstance({ name: 'rights-b', ...common });
      appDb = await openAppDatabase({
        migrations: SCHEMA_MIGRATIONS,
        databaseUrl: DATABASE_URL,
        dataDir: tempDir(),
        schema,
      });
      fx = new RightsFixture(appDb.db, () => new Date());
    });
    afterEach(() => fx.closeAll());
    afterAll(async () => {
      fx?.closeAll();
      await killAllInstances();
      await appDb?.close();
      await dropSchema(schema).catch(() => {});
    });

    it('removal from the case', async () => {
      const t = await fx.team(a);
      const conns = [
        await fx.connect(a, t.provider, t.caseId, t.docId),
        await fx.connect(b, t.provider, t.caseId, t.docId),
      ];
      expect(
        (
          await fx.api(a, t.regisseur, 'DELETE', `/api/cases/${t.caseId}/participants/${t.provider.id}`, {
            reason: 'niet meer betrokken',
          })
        ).status,
      ).toBe(204);
      await cutOffEverywhere(conns, { tokenClose: CloseCode.Forbidden, session: 'left-case' });
    });

    it('withdrawn consent', async () => {
      const t = await fx.team(a);
      const consent = (given: boolean) =>
        fx.api(a, t.youngPerson, 'PUT', `/api/cases/${t.caseId}/parents-consent`, { consent: given });
      expect((await consent(true)).status).toBe(200);
      const conns = [
        await fx.connect(a, t.parent, t.caseId, t.docId),
        await fx.connect(b, t.parent, t.caseId, t.docId),
      ];
      expect((await consent(false)).status).toBe(200);
      await cutOffEverywhere(conns, { tokenClose: CloseCode.Forbidden, session: 'left-case' });
    });

    it('log out everywhere revokes the document tokens on every instance', async () => {
      const t = await fx.team(a);
      const conns = [
        await fx.connect(a, t.provider, t.caseId, t.docId),
        await fx.connect(b, t.provider, t.caseId, t.docId),
      ];
      expect((await fx.api(a, t.provider, 'POST', '/api/auth/logout-all')).status).toBe(200);
      await cutOffEverywhere(conns, { tokenClose: CloseCode.AccessRevoked, session: 'gone' });
    });

    it('destruction of the case', async () => {
      const t = await fx.team(a);
      const conns = [
        await fx.connect(a, t.provider, t.caseId, t.docId),
        await fx.connect(b, t.provider, t.caseId, t.docId),
      ];
      const asked = await fx.api(a, t.youngPerson, 'POST', `/api/cases/${t.caseId}/destruction-requests`, {
        reason: 'Graag alles weg.',
      });
      expect(asked.status).toBe(201);
      const decided = await fx.api(
        a,
        t.regisseur,
        'POST',
        `/api/cases/${t.caseId}/destruction-requests/${asked.body.request.id}/decision`,
        { decision: 'approved' },
      );
      expect(decided.body.request.executedAt).not.toBeNull();
      await cutOffEverywhere(conns, { tokenClose: CloseCode.Forbidden, session: 'left-case' });
    });

    it('an account disabled by the operator (npm run admin -- disable-user)', async () => {
      const t = await fx.team(a);
      const conns = [
        await fx.connect(a, t.provider, t.caseId, t.docId),
        await fx.connect(b, t.provider, t.caseId, t.docId),
      ];
      const cli = await execFileAsync(
        process.execPath,
        [path.join(ROOT, 'server/dist/admin/cli.js'), 'disable-user', '--user', t.provider.id],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            NODE_ENV: 'production',
            AUTH_SECRET: TEST_SECRET,
            DATA_DIR: tempDir(),
            DATABASE_URL,
            DATABASE_SCHEMA: schema,
            REDIS_URL,
          },
          timeout: 30_000,
        },
      );
      expect(cli.stdout).toContain('disabled');
      await cutOffEverywhere(conns, { tokenClose: CloseCode.AccessRevoked, session: 'gone' });
    });

    it('closing the case downgrades the editor on the other instance to read-only', async () => {
      const t = await fx.team(a);
      const c = await fx.connect(b, t.provider, t.caseId, t.docId);
      const closed = await fx.api(a, t.regisseur, 'PUT', `/api/cases/${t.caseId}/status`, { status: 'afgeschaald' });
      expect(closed.status).toBe(200);
      // The downgrade arrives through Redis: edit until one is refused as read-only (bounded).
      let i = 0;
      await waitFor(
        () => {
          if (c.editor.rejections.some((r) => r.reason === RejectReason.ReadOnly)) return true;
          if (c.editor.saved >= c.editor.sent)
            c.editor.doc.getXmlFragment('veiligheid').insert(0, [new Y.XmlText(`${i++}`)]);
          return false;
        },
        5000,
        'an edit refused as read-only on instance B',
      );
      expect(c.editor.closes).toEqual([]);
    });
  },
);
