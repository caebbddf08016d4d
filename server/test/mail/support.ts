/** The mail tests' harness: a case server whose outbox sends to a real in-process SMTP server (or the folder). */
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { enqueueMail, type MailOutboxTable, type OutboxSchema, type OutgoingMail } from '../../src/mail/outbox.js';
import { type CaseHarness, startCaseServer } from '../cases/support.js';

export const PUBLIC_URL = 'https://samenspraak.test';

/** A case server (fixed, settable clock) whose mails go to `smtpUrl` (null: the local folder). */
export function startMailServer(smtpUrl: string | null, env: Record<string, string> = {}): Promise<CaseHarness> {
  const mail = loadConfig({ MAIL_POLL_MS: '20', ...env }).mail;
  return startCaseServer({ publicUrl: PUBLIC_URL, mail: { ...mail, smtpUrl } });
}

export function outbox(h: CaseHarness): Kysely<OutboxSchema> {
  return h.db as unknown as Kysely<OutboxSchema>;
}

/** Queues a mail the way a feature does (inside a transaction) and pokes the worker. */
export async function queue(h: CaseHarness, mail: OutgoingMail): Promise<boolean> {
  const queued = await h.db.transaction().execute((trx) => enqueueMail(trx as never, mail, h.now()));
  h.server.mail.poke();
  return queued;
}

export async function row(h: CaseHarness, key: string): Promise<MailOutboxTable> {
  return outbox(h).selectFrom('mail_outbox').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
}

/** Polls the row until `check` holds (bounded), pokes the worker meanwhile. */
export async function waitForRow(
  h: CaseHarness,
  key: string,
  check: (r: MailOutboxTable) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<MailOutboxTable> {
  const deadline = Date.now() + timeoutMs;
  let last: MailOutboxTable | undefined;
  while (Date.now() < deadline) {
    last = await row(h, key);
    if (check(last)) return last;
    h.server.mail.poke();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`mail ${key}: not ${what} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}
