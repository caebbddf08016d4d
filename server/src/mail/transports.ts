/**
 * Where a mail goes: an SMTP server (SMTP_URL) or, without one, a local folder (`<dataDir>/mail/`).
 *
 * Both hand a mail over in two steps around the outbox's commit, so that a crash never makes a
 * duplicate: everything is transferred except the last step, then `commit()` marks the mail sent in the
 * database (only if this worker still holds the lease), and only then comes the last step — the SMTP
 * end-of-data dot, or the rename of the folder's file to its final name. A receiver discards a message
 * whose end-of-data never came (RFC 5321 §4.1.1.4), so a crash before the commit leaves nothing behind,
 * and the mail is sent again later. See mail/README.md for what this does and does not guarantee.
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
 * - abandoned: `commit()` said no (another worker took the mail over), nothing was delivered;
 * - uncertain: marked sent, then the connection broke after the end-of-data before the server answered
 *   (it probably has the mail; it is not sent again).
 */
export type SendOutcome = { kind: 'delivered' } | { kind: 'abandoned' } | { kind: 'uncertain'; error: string };

/** Thrown when the receiver refused the mail after it was marked sent: the worker undoes the mark. */
export class RefusedAfterCommit extends Error {}

export interface MailTransport {
  readonly kind: 'smtp' | 'folder';
  /** `commit` marks the mail sent; it resolves false when this worker lost the mail to another one. */
  send(mail: RawMail, commit: () => Promise<boolean>): Promise<SendOutcome>;
  close(): Promise<void>;
}

/** The file name of a mail in the local folder (one file per outbox row, whatever the tries). */
export function mailFileName(id: string): string {
  return `${id}.eml`;
}

export class FolderTransport implements MailTransport {
  readonly kind = 'folder' as const;
  constructor(readonly dir: string) {}

  async send(mail: RawMail, commit: () => Promise<boolean>): Promise<SendOutcome> {
    ensurePrivateDir(this.dir);
    const final = path.join(this.dir, mailFileName(mail.id));
    const temp = `${final}.${process.pid}.part`;
    await fs.promises.writeFile(temp, mail.raw, { mode: PRIVATE_FILE_MODE });
    let committed = false;
    try {
      committed = await commit();
    } finally {
      if (!committed) await fs.promises.rm(temp, { force: true });
    }
    if (!committed) return { kind: 'abandoned' };
    await fs.promises.rename(temp, final);
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

  async send(mail: RawMail, commit: () => Promise<boolean>): Promise<SendOutcome> {
    const conn = await this.connection();
    let committed = false;
    let started = false;
    let commitDone: Promise<unknown> = Promise.resolve();
    // nodemailer's close() drops a pending send without calling it back: the commit path settles too.
    let settle!: (outcome: { err: unknown; abandoned?: boolean; commitFailed?: boolean }) => void;
    const settled = new Promise<{ err: unknown; abandoned?: boolean; commitFailed?: boolean }>((r) => {
      settle = r;
    });
    // Read by nodemailer only after the server's 354 (it pipes the message once the envelope is in):
    // the body goes out at once, the end (and with it the end-of-data dot) only after the commit.
    const body = new Readable({
      read() {
        if (started) return;
        started = true;
        this.push(mail.raw);
        commitDone = commit().then(
          (ok) => {
            if (ok) {
              committed = true;
              this.push(null);
            } else {
              conn.close();
              settle({ err: null, abandoned: true });
            }
          },
          (err: unknown) => {
            conn.close();
            settle({ err, commitFailed: true });
          },
        );
      },
    });
    // Whether the dot can have gone out when the connection failed: only after the commit.
    let committedAtError = false;
    conn.send({ from: mail.from, to: [mail.to] }, body, (err) => {
      committedAtError = committed;
      settle({ err });
    });
    const { err, abandoned, commitFailed } = await settled;
    // A failure while the commit was on its way: wait for it, so the row's state is known.
    await commitDone;
    if (abandoned) {
      this.drop(conn);
      return { kind: 'abandoned' };
    }
    if (commitFailed || err) {
      this.drop(conn);
      if (commitFailed || !committed) throw err;
      // Marked sent, but the dot never went out, or the server answered it with a refusal: not delivered.
      if (!committedAtError || (err as SmtpError).responseCode) throw new RefusedAfterCommit((err as Error).message);
      return { kind: 'uncertain', error: (err as Error).message };
    }
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
