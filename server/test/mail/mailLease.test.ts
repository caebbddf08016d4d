/**
 * The lease: a worker that lost its mail to another one before the last step abandons the transfer
 * (nothing delivered, nothing marked), and several workers on one database send each mail once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OutboxSchema } from '../../src/mail/outbox.js';
import { OutboxWorker } from '../../src/mail/outboxWorker.js';
import { FolderTransport, type Handover, type RawMail } from '../../src/mail/transports.js';
import { createLogger } from '../../src/observability/logger.js';
import type { CaseHarness } from '../cases/support.js';
import { tempDir } from '../support/testServer.js';
import { outbox, PUBLIC_URL, queue, row, startMailServer, waitForRow } from './support.js';

let h: CaseHarness;
const workers: OutboxWorker[] = [];

function worker(name: string, transport: FolderTransport): OutboxWorker {
  const w = new OutboxWorker({
    db: h.db as never,
    transport,
    config: { ...h.services.config.mail, pollMs: 10 },
    publicUrl: PUBLIC_URL,
    instanceId: name,
    clock: () => h.now(),
    log: createLogger('silent'),
  });
  workers.push(w);
  return w;
}

beforeAll(async () => {
  h = await startMailServer(null);
  // The server's own worker stays out of the way: these tests drive their own.
  await h.server.mail.stop();
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await h?.close();
});

it('a worker whose lease was taken over before the last step delivers nothing and marks nothing', async () => {
  const dir = tempDir('mail-lease-');
  let stolen = false;
  class Stolen extends FolderTransport {
    override async send(mail: RawMail, handover: Handover) {
      // Another instance takes the mail over (our lease ran out) just before our fence.
      await (h.db as unknown as Kysely<OutboxSchema>)
        .updateTable('mail_outbox')
        .set({ lease_owner: 'other:token', lease_until: new Date(h.now().getTime() + 60_000).toISOString() })
        .where('id', '=', mail.id)
        .execute();
      stolen = true;
      return super.send(mail, handover);
    }
  }
  await queue(h, { idempotencyKey: 'stolen', userId: null, to: 's@example.nl', kind: 'inbox-new', link: '/' });
  const w = worker('slow', new Stolen(dir));
  expect(await w.sendOne()).toBe(true);
  expect(stolen).toBe(true);
  expect(await row(h, 'stolen')).toMatchObject({ sent_at: null, attempts: 0, lease_owner: 'other:token' });
  expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
});

it('three workers on one database: every mail once', async () => {
  const dir = tempDir('mail-race-');
  const keys = Array.from({ length: 60 }, (_, i) => `race:${i}`);
  for (const key of keys)
    await queue(h, { idempotencyKey: key, userId: null, to: `${key}@example.nl`, kind: 'inbox-new', link: '/' });
  for (const name of ['w1', 'w2', 'w3']) worker(name, new FolderTransport(dir)).start();
  for (const key of keys) await waitForRow(h, key, (r) => r.sent_at !== null, 'sent');
  const rows = await outbox(h)
    .selectFrom('mail_outbox')
    .selectAll()
    .where('idempotency_key', 'like', 'race:%')
    .execute();
  expect(rows.map((r) => r.attempts)).toEqual(keys.map(() => 1));
  const files = fs.readdirSync(dir).sort();
  expect(files).toEqual(rows.map((r) => `${r.id}.eml`).sort());
  expect(files.map((f) => path.extname(f))).toEqual(keys.map(() => '.eml'));
});
