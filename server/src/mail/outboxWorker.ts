/**
 * The outbox worker: one per instance. It claims a due mail with a lease, hands it to the transport,
 * and marks it sent in the same step as the transport's last step (transports.ts); on an error it
 * counts the try and waits with exponential backoff and jitter; after the last try the mail is failed
 * (the functioneel beheerder sees it on /beheer/mails).
 *
 * Claiming is one conditional UPDATE per row (free, or its lease ran out; not sent, not failed): atomic
 * on SQLite (one writer) and Postgres (a concurrent UPDATE re-checks the WHERE on the row it waited
 * for), so two instances never hold the same mail. Each claim has its own lease token, and the "sent"
 * mark only lands while that token still holds the row: a worker that lost its lease abandons the
 * transfer before the end-of-data, so the other worker's copy is the only one.
 */
import { randomUUID } from 'node:crypto';
import type { MailKind } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import client from 'prom-client';
import type { MailConfig } from '../config.js';
import type { Logger } from '../observability/logger.js';
import { composeMail } from './mailContent.js';
import { buildMessage, envelopeAddress, messageIdDomain, messageIdFor } from './mailMessage.js';
import { type MailOutboxTable, mailQueued, type OutboxSchema } from './outbox.js';
import { type MailTransport, RefusedAfterCommit } from './transports.js';

export interface OutboxWorkerOptions {
  db: Kysely<never>;
  transport: MailTransport;
  config: MailConfig;
  /** Absolute base of the links, e.g. https://samenspraak.example.nl (no trailing slash). */
  publicUrl: string;
  /** Names this instance in lease tokens and logs. */
  instanceId: string;
  clock: () => Date;
  log: Logger;
  registry?: client.Registry;
  /** Test seam: the random in [0, 1) for the jitter. */
  random?: () => number;
}

/** The wait before try `attempt + 1`, given `attempt` failed tries: base · 2^(attempt-1), capped, ±25 % jitter. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.75 + 0.5 * random()));
}

/** The absolute URL of a mail's link. */
export function absoluteLink(publicUrl: string, link: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${link}`;
}

function metricsFor(registry: client.Registry | undefined) {
  const registers = registry ? [registry] : [];
  return {
    sent: new client.Counter({ name: 'samenspraak_mail_sent_total', help: 'Mails handed to the transport', registers }),
    retried: new client.Counter({
      name: 'samenspraak_mail_retries_total',
      help: 'Failed tries that will be retried',
      registers,
    }),
    failed: new client.Counter({ name: 'samenspraak_mail_failed_total', help: 'Mails given up on', registers }),
    abandoned: new client.Counter({
      name: 'samenspraak_mail_abandoned_total',
      help: 'Transfers abandoned before the end because another instance took the mail over',
      registers,
    }),
  };
}

export class OutboxWorker {
  private readonly db: Kysely<OutboxSchema>;
  private readonly metrics: ReturnType<typeof metricsFor>;
  private readonly random: () => number;
  private readonly domain: string;
  private readonly envelopeFrom: string;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pokeTimer: NodeJS.Timeout | null = null;
  private readonly onQueued = () => this.pokeSoon();

  constructor(private readonly opts: OutboxWorkerOptions) {
    this.db = opts.db as unknown as Kysely<OutboxSchema>;
    this.metrics = metricsFor(opts.registry);
    this.random = opts.random ?? Math.random;
    this.domain = messageIdDomain(opts.publicUrl);
    this.envelopeFrom = envelopeAddress(opts.config.from);
  }

  get transportKind(): MailTransport['kind'] {
    return this.opts.transport.kind;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    mailQueued.on('queued', this.onQueued);
    this.loop = this.run();
  }

  /** Look for due mails now (e.g. right after one was queued and committed). */
  poke(): void {
    this.wake?.();
  }

  /** enqueueMail runs inside the caller's transaction: look a moment later, once it has committed. */
  private pokeSoon(): void {
    if (this.pokeTimer) return;
    this.pokeTimer = setTimeout(() => {
      this.pokeTimer = null;
      this.poke();
    }, 20);
    this.pokeTimer.unref();
  }

  /** Stops after the mail in hand (its lease is kept; nothing half-done is marked). */
  async stop(): Promise<void> {
    this.running = false;
    mailQueued.off('queued', this.onQueued);
    if (this.pokeTimer) clearTimeout(this.pokeTimer);
    this.poke();
    await this.loop;
    await this.opts.transport.close();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.sendOne();
      } catch (err) {
        this.opts.log.error({ err }, 'mail outbox: a round failed');
      }
      if (worked || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.opts.config.pollMs);
        timer.unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Claims and sends one due mail; false when none was due (or all due ones were taken). */
  async sendOne(): Promise<boolean> {
    const now = this.opts.clock();
    const at = now.toISOString();
    const due = await this.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .orderBy('next_attempt_at')
      .limit(8)
      .execute();
    for (const { id } of due) {
      const row = await this.claim(id, now);
      if (row) {
        await this.deliver(row);
        return true;
      }
    }
    return false;
  }

  private async claim(id: string, now: Date): Promise<MailOutboxTable | null> {
    const at = now.toISOString();
    const token = `${this.opts.instanceId}:${randomUUID()}`;
    const result = await this.db
      .updateTable('mail_outbox')
      .set({ lease_owner: token, lease_until: new Date(now.getTime() + this.opts.config.leaseMs).toISOString() })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    return (await this.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  private async deliver(row: MailOutboxTable): Promise<void> {
    const token = row.lease_owner as string;
    const attempt = row.attempts + 1;
    try {
      const content = composeMail(
        row.kind as MailKind,
        absoluteLink(this.opts.publicUrl, row.link),
        row.item_count === null ? null : Number(row.item_count),
      );
      const raw = await buildMessage(
        {
          from: this.opts.config.from,
          to: row.to_address,
          messageId: messageIdFor(row.idempotency_key, this.domain),
          date: this.opts.clock(),
        },
        content,
      );
      const outcome = await this.opts.transport.send(
        { id: row.id, from: this.envelopeFrom, to: row.to_address, raw },
        { fence: () => this.fence(row.id, token), markSent: () => this.markSent(row.id, token, attempt) },
      );
      if (outcome.kind === 'abandoned') {
        this.metrics.abandoned.inc();
        this.opts.log.warn({ mail: row.id }, 'mail outbox: lease lost before the end of the transfer; abandoned');
      } else {
        this.metrics.sent.inc();
        if (outcome.kind === 'uncertain') {
          await this.note(row.id, `connection lost after the end of data: probably delivered (${outcome.error})`);
          this.opts.log.warn({ mail: row.id, error: outcome.error }, 'mail outbox: delivery uncertain');
        }
      }
    } catch (err) {
      const undo = err instanceof RefusedAfterCommit;
      await this.markFailedTry(row, token, attempt, (err as Error).message ?? String(err), undo);
    }
  }

  /** Before the last step: is the row still ours? Extends the lease, so it stays ours while the dot goes out. */
  private async fence(id: string, token: string): Promise<boolean> {
    const now = this.opts.clock();
    const result = await this.db
      .updateTable('mail_outbox')
      .set({ lease_until: new Date(now.getTime() + this.opts.config.leaseMs).toISOString() })
      .where('id', '=', id)
      .where('lease_owner', '=', token)
      .where('lease_until', '>', now.toISOString())
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Sent (sent in the same tick as the dot; the fence has just confirmed the lease). */
  private async markSent(id: string, token: string, attempt: number): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set({ sent_at: this.opts.clock().toISOString(), attempts: attempt, lease_owner: null, lease_until: null })
      .where('id', '=', id)
      .where('lease_owner', '=', token)
      .where('sent_at', 'is', null)
      .execute();
  }

  private async note(id: string, message: string): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set({ last_error: message.slice(0, 500) })
      .where('id', '=', id)
      .execute();
  }

  private async markFailedTry(
    row: MailOutboxTable,
    token: string,
    attempt: number,
    error: string,
    undoSent: boolean,
  ): Promise<void> {
    const now = this.opts.clock();
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.opts.config;
    const final = attempt >= maxAttempts;
    const delay = retryDelayMs(attempt, retryBaseMs, retryMaxMs, this.random);
    let update = this.db
      .updateTable('mail_outbox')
      .set({
        attempts: attempt,
        last_error: error.slice(0, 500),
        next_attempt_at: new Date(now.getTime() + delay).toISOString(),
        failed_at: final ? now.toISOString() : null,
        sent_at: null,
        lease_owner: null,
        lease_until: null,
      })
      .where('id', '=', row.id);
    // Undo our own "sent" mark (the lease was cleared by it), or record the try while the lease is ours.
    update = undoSent ? update.where('sent_at', 'is not', null) : update.where('lease_owner', '=', token);
    await update.execute();
    (final ? this.metrics.failed : this.metrics.retried).inc();
    this.opts.log[final ? 'error' : 'warn'](
      { mail: row.id, kind: row.kind, attempt, error, retryInMs: final ? null : delay },
      final ? 'mail outbox: giving up on a mail' : 'mail outbox: sending failed; will retry',
    );
  }
}
