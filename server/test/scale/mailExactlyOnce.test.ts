/**
 * The mail outbox sends every mail exactly once with two instances on one Postgres (and Redis), even
 * when one instance is SIGKILLed in the middle: 500 mails queued, instance a killed after about a third
 * arrived, and the real SMTP server (smtp-server, in this test process) must have received each
 * Message-ID exactly once, none missing. A transfer cut off by the kill before its end-of-data is not a
 * delivery (a real MTA discards it too); it is counted and reported.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/db/database.js';
import { messageIdFor } from '../../src/mail/mailMessage.js';
import { enqueueMail, type OutboxSchema } from '../../src/mail/outbox.js';
import { SCHEMA_MIGRATIONS } from '../../src/schemaMigrations.js';
import { assertBuilt, type Instance, killAllInstances, startInstance } from '../support/instances.js';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName, REDIS_URL } from '../support/services.js';
import { TestSmtpServer } from '../support/smtpServer.js';
import { tempDir } from '../support/testServer.js';

const MAILS = 500;
const KILL_AFTER = 150;
const schema = freshSchemaName('mail');
let smtp: TestSmtpServer;
let a: Instance;
let b: Instance;
let db: Awaited<ReturnType<typeof openAppDatabase>> | null = null;

async function sentCount(outbox: Kysely<OutboxSchema>): Promise<number> {
  const row = await outbox
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.count<number>('sent_at').as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

await describeWithServices('mail outbox: exactly once over two instances', { redis: true, postgres: true }, () => {
  beforeAll(async () => {
    assertBuilt();
    smtp = await TestSmtpServer.start();
    // A slow answer to the end-of-data: more of each transfer lies where a kill is most dangerous.
    smtp.answerDelayMs = 2;
    const env = {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Samenspraak <noreply@samenspraak.test>',
      PUBLIC_URL: 'https://samenspraak.test',
      MAIL_POLL_MS: '50',
      // After the kill, b takes a's claimed mail over once this lease has run out.
      MAIL_LEASE_MS: '2000',
    };
    const common = { databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: REDIS_URL, env };
    a = await startInstance({ name: 'a', ...common });
    b = await startInstance({ name: 'b', ...common });
    db = await openAppDatabase({
      migrations: SCHEMA_MIGRATIONS,
      databaseUrl: DATABASE_URL,
      schema,
      dataDir: tempDir(),
    });
  }, 60_000);

  afterAll(async () => {
    await killAllInstances();
    await db?.close();
    await smtp?.close();
    await dropSchema(schema).catch(() => {});
  });

  it('500 mails, one instance SIGKILLed mid-way: each arrives exactly once', async () => {
    const outbox = db!.db as unknown as Kysely<OutboxSchema>;
    const keys = Array.from({ length: MAILS }, (_, i) => `scale:${i}`);
    // One event that causes 500 mails: one transaction.
    await db!.db.transaction().execute(async (trx) => {
      for (const [i, key] of keys.entries())
        await enqueueMail(
          trx as never,
          { idempotencyKey: key, userId: null, to: `p${i}@example.nl`, kind: 'inbox-new', link: '/' },
          new Date(),
        );
    });

    await smtp.waitUntil(() => smtp.messages.length >= KILL_AFTER, 60_000, `${KILL_AFTER} mails`);
    // The trigger is an acceptance, often of a's own mail (a is then past its dot): kill a moment later,
    // anywhere in a's next transfer.
    await new Promise((r) => setTimeout(r, Math.random() * 8));
    await a.kill('SIGKILL');
    const atKill = smtp.messages.length;
    const leasedByA = await outbox
      .selectFrom('mail_outbox')
      .select(['id', 'sent_at'])
      .where('lease_owner', 'like', 'a:%')
      .execute();
    expect(b.alive).toBe(true);

    await smtp
      .waitUntil(() => new Set(smtp.messages.map((m) => m.messageId)).size >= MAILS, 30_000, 'all mails')
      .catch((err: unknown) => console.log(`[mail exactly-once] ${(err as Error).message}`));
    const deadline = Date.now() + 30_000;
    while ((await sentCount(outbox)) < MAILS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const counts = smtp.countsByMessageId();
    const expected = new Set(keys.map((k) => messageIdFor(k, 'samenspraak.test')));
    const duplicates = [...counts].filter(([, n]) => n > 1);
    const missing = [...expected].filter((id) => !counts.has(id));
    const unexpected = [...counts.keys()].filter((id) => !expected.has(id));
    console.log(
      `[mail exactly-once] received at the kill: ${atKill}; a's leases at the kill: ${leasedByA.length} ` +
        `(already marked sent: ${leasedByA.filter((r) => r.sent_at).length}); transfers cut off before their ` +
        `end-of-data: ${smtp.aborted}; received in all: ${smtp.messages.length}; duplicates: ${duplicates.length}; ` +
        `missing: ${missing.length}`,
    );
    if (missing.length > 0) {
      const byId = new Map(keys.map((k) => [messageIdFor(k, 'samenspraak.test'), k]));
      const lost = await outbox
        .selectFrom('mail_outbox')
        .selectAll()
        .where(
          'idempotency_key',
          'in',
          missing.map((id) => byId.get(id) ?? ''),
        )
        .execute();
      console.log(
        '[mail exactly-once] missing rows:',
        JSON.stringify(lost),
        'a leased at the kill:',
        JSON.stringify(leasedByA),
      );
    }
    expect(atKill).toBeLessThan(MAILS);
    expect(duplicates).toEqual([]);
    expect(missing).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(smtp.messages).toHaveLength(MAILS);
    expect(await sentCount(outbox)).toBe(MAILS);
    const failed = await outbox.selectFrom('mail_outbox').select('id').where('failed_at', 'is not', null).execute();
    expect(failed).toEqual([]);
  }, 120_000);
});
