/**
 * Where a mail goes: an SMTP server (SMTP_URL) or, without one, a local folder (`<dataDir>/mail/`).
 *
 * Both hand a mail over so that a crash almost never sends it twice or loses it: everything is
 * transferred except the last step; then `fence()` confirms in the database that this worker still
 * holds the mail's lease (and extends it); only then comes the last step — the SMTP end-of-data dot, or
 * the rename of the folder's file to its final name — and in the same tick `markSent()` sends the
 * "sent" mark to the database. A receiver discards a message whose end-of-data never came (RFC 5321
 * §4.1.1.4), so a crash before the dot leaves nothing behind and the mail is sent again later; a worker
 * that lost its lease never sends the dot. What remains is the moment between the dot leaving and the
 * mark reaching the database (microseconds, one tick): see mail/README.md for the guarantee.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Logger } from '../observability/logger.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/privateFiles.js';

export interface RawMail {
  /** The outbox row's id (the folder's file name). */
  id: string;
  from: string;
  to: string;
  /** The whole message, headers and body. */
  raw: Buffer;
}

/**
 * - delivered: the receiver has it;
 * - abandoned: `fence()` said no (another worker took the mail over), nothing was delivered;
 * - uncertain: marked sent, then the connection broke after the end-of-data before the server answered
 *   (it probably has the mail; it is not sent again).
 */
export type SendOutcome = { kind: 'delivered' } | { kind: 'abandoned' } | { kind: 'uncertain'; error: string };

/** Thrown when the mail was marked sent but not delivered (refused after the dot): the worker undoes the mark. */
export class RefusedAfterCommit extends Error {}

/** The outbox's two steps around the transport's last one. */
export interface Handover {
  /** Still this worker's mail? (Extends the lease.) False: abandon without the last step. */
  fence(): Promise<boolean>;
  /** Marks the mail sent; called in the same tick as the last step, awaited by the transport before it returns. */
  markSent(): Promise<void>;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'folder';
  send(mail: RawMail, handover: Handover): Promise<SendOutcome>;
  close(): Promise<void>;
}

/** The file name of a mail in the local folder (one file per outbox row, whatever the tries). */
export function mailFileName(id: string): string {
  return `${id}.eml`;
}

export class FolderTransport implements MailTransport {
  readonly kind = 'folder' as const;
  constructor(readonly dir: string) {}

  async send(mail: RawMail, handover: Handover): Promise<SendOutcome> {
    ensurePrivateDir(this.dir);
    const final = path.join(this.dir, mailFileName(mail.id));
    const temp = `${final}.${process.pid}.part`;
    await fs.promises.writeFile(temp, mail.raw, { mode: PRIVATE_FILE_MODE });
    let mine = false;
    try {
      mine = await handover.fence();
    } finally {
      if (!mine) await fs.promises.rm(temp, { force: true });
    }
    if (!mine) return { kind: 'abandoned' };
    fs.renameSync(temp, final);
    await handover.markSent();
    return { kind: 'delivered' };
  }

  async close(): Promise<void> {}
}

interface SmtpError extends Error {
  responseCode?: number;
}

const IDLE_CLOSE_MS = 5_000;

export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly options: ReturnType<typeof parseConnectionUrl>;
  private conn: SMTPConnection | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    this.options = parseConnectionUrl(url);
  }

  private drop(conn: SMTPConnection): void {
    if (this.conn === conn) this.conn = null;
    conn.close();
  }

  private async connection(): Promise<SMTPConnection> {
    if (this.idle) clearTimeout(this.idle);
    if (this.conn) return this.conn;
    const conn = new SMTPConnection({
      ...this.options,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    // Always listened to: an unhandled 'error' would take the process down.
    conn.on('error', (err: Error) => {
      this.log.debug({ err }, 'smtp connection error');
      if (this.conn === conn) this.conn = null;
    });
    conn.on('end', () => {
      if (this.conn === conn) this.conn = null;
    });
    await new Promise<void>((resolve, reject) => {
      conn.once('error', reject);
      conn.connect(() => {
        conn.off('error', reject);
        resolve();
      });
    });
    const auth = this.options.auth;
    if (auth?.user) {
      await new Promise<void>((resolve, reject) =>
        conn.login({ user: auth.user, pass: auth.pass ?? '' }, (err) => (err ? reject(err) : resolve())),
      ).catch((err: unknown) => {
        conn.close();
        throw err;
      });
    }
    this.conn = conn;
    return conn;
  }

  async send(mail: RawMail, handover: Handover): Promise<SendOutcome> {
    const conn = await this.connection();
    let dotSent = false;
    let started = false;
    let fenceDone: Promise<unknown> = Promise.resolve();
    let marking: Promise<unknown> = Promise.resolve();
    let markError: unknown = null;
    // nodemailer's close() drops a pending send without calling it back: the fence path settles too.
    type Settled = { err: unknown; abandoned?: boolean; fenceFailed?: boolean };
    let settle!: (outcome: Settled) => void;
    const settled = new Promise<Settled>((r) => {
      settle = r;
    });
    // Read by nodemailer only after the server's 354 (it pipes the message once the envelope is in):
    // the body goes out at once, the end (and with it the end-of-data dot) only after the fence.
    const body = new Readable({
      read() {
        if (started) return;
        started = true;
        this.push(mail.raw);
        fenceDone = handover.fence().then(
          (mine) => {
            if (!mine) {
              conn.close();
              settle({ err: null, abandoned: true });
              return;
            }
            dotSent = true;
            this.push(null);
            marking = handover.markSent().catch((err: unknown) => {
              markError = err;
            });
          },
          (err: unknown) => {
            conn.close();
            settle({ err, fenceFailed: true });
          },
        );
      },
    });
    // Whether the dot can have gone out when the connection failed.
    let dotSentAtError = false;
    conn.send({ from: mail.from, to: [mail.to] }, body, (err) => {
      dotSentAtError = dotSent;
      settle({ err });
    });
    const { err, abandoned, fenceFailed } = await settled;
    // A failure while the fence was on its way: wait for it (and for the mark), so the row's state is known.
    await fenceDone;
    await marking;
    if (abandoned) {
      this.drop(conn);
      return { kind: 'abandoned' };
    }
    if (fenceFailed || err) {
      this.drop(conn);
      if (fenceFailed || !dotSent) throw err;
      // Marked sent, but the dot never went out, or the server answered it with a refusal: not delivered.
      if (!dotSentAtError || (err as SmtpError).responseCode) throw new RefusedAfterCommit((err as Error).message);
      return { kind: 'uncertain', error: (err as Error).message };
    }
    // Delivered, but the mark did not reach the database: the mail will be sent again after the lease.
    if (markError) throw markError;
    this.idle = setTimeout(() => {
      if (this.conn === conn) this.drop(conn);
    }, IDLE_CLOSE_MS);
    this.idle.unref();
    return { kind: 'delivered' };
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    if (this.conn) this.drop(this.conn);
  }
}

export function createTransport(smtpUrl: string | null, dataDir: string, log: Logger): MailTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl, log) : new FolderTransport(mailFolder(dataDir));
}

export function mailFolder(dataDir: string): string {
  return path.join(dataDir, 'mail');
}
