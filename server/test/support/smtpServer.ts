/**
 * A real SMTP server for tests (the `smtp-server` package, in-process, on a free port): it collects
 * every message it accepted, parsed (headers, text and HTML parts, RFC 2047 subjects, quoted-printable
 * and base64 bodies), and can be told to refuse mails or be stopped and started again on the same port
 * (the SMTP server being down). A message counts only once its end-of-data arrived and the server
 * answered 250, as a real MTA would deliver it; a transfer cut off in the middle is counted in
 * `aborted` instead.
 *
 *   const smtp = await TestSmtpServer.start();
 *   … SMTP_URL = smtp.url …
 *   const mail = await smtp.waitForMail((m) => m.to.includes('a@example.nl'));
 *   await smtp.close();
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The Message-ID header, with its angle brackets; null if the mail had none. */
  messageId: string | null;
  /** The SMTP envelope. */
  envelopeFrom: string;
  to: string[];
  subject: string;
  /** The text/plain part (or the body of a single-part mail), decoded. */
  text: string;
  /** The text/html part, decoded; null when there is none. */
  html: string | null;
  /** Top-level headers, names lower-cased, values unfolded and decoded. */
  headers: Map<string, string>;
  /** The message as received. */
  raw: string;
}

export interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  messageId: string | null;
  text: string;
  html: string | null;
}

/** How the server answers the end-of-data: accept (250), or refuse with this code (4xx temporary, 5xx permanent). */
export type DataAnswer = 'accept' | { code: number; message?: string };

export class TestSmtpServer {
  readonly messages: ReceivedMail[] = [];
  /** Transfers that ended before their end-of-data (a client that died or gave up mid-message). */
  aborted = 0;
  /** Transfers refused on purpose (see `answer`). */
  refused = 0;
  /** How DATA is answered from now on. */
  answer: DataAnswer = 'accept';
  /** Waits this long before answering an end-of-data (a slow server; widens the window after the dot). */
  answerDelayMs = 0;
  private server: SMTPServer | null = null;
  private readonly waiters = new Set<() => void>();

  private constructor(public port: number) {}

  /** Starts on `port` (default: a free one). */
  static async start(port = 0): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(port);
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** How often each Message-ID arrived. */
  countsByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
    return counts;
  }

  /** Resolves with the first accepted mail that matches (also one that arrived before the call). */
  async waitForMail(match: (m: ReceivedMail) => boolean = () => true, timeoutMs = 10_000): Promise<ReceivedMail> {
    await this.waitUntil(() => this.messages.some(match), timeoutMs, 'a matching mail');
    return this.messages.find(match) as ReceivedMail;
  }

  /** Resolves once `check()` holds, re-checked on every message (bounded; rejects with `what`). */
  waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`SMTP server: no ${what} within ${timeoutMs} ms (${this.messages.length} received)`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Stops listening and cuts every open connection: the SMTP server is down. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    if (this.server) return;
    await this.listen();
  }

  close(): Promise<void> {
    return this.stop();
  }

  private listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // stop() cuts open connections at once instead of waiting for clients to leave.
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        let ended = false;
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', () => {});
        stream.on('close', () => {
          if (!ended) this.aborted++;
        });
        stream.on('end', () => {
          ended = true;
          if (this.answerDelayMs > 0) setTimeout(finish, this.answerDelayMs);
          else finish();
        });
        const finish = () => {
          const answer = this.answer;
          if (answer !== 'accept') {
            this.refused++;
            const err = Object.assign(new Error(answer.message ?? 'refused by the test'), {
              responseCode: answer.code,
            });
            return callback(err);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = parseMail(raw);
          this.messages.push({
            ...parsed,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
          for (const w of [...this.waiters]) w();
        };
      },
    });
    server.on('error', () => {});
    return new Promise((resolve, reject) => {
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.server.address() as AddressInfo).port;
        this.server = server;
        resolve();
      });
      server.server.once('error', reject);
    });
  }
}

// ---- parsing (enough MIME for what mailers send: multipart, quoted-printable, base64, RFC 2047) ----

function splitHead(raw: string): { head: string; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return { head: raw, body: '' };
  const sep = raw.slice(at).match(/^\r?\n\r?\n/)?.[0] ?? '\n\n';
  return { head: raw.slice(0, at), body: raw.slice(at + sep.length) };
}

/** Decodes RFC 2047 encoded words (=?utf-8?Q?…?= and =?utf-8?B?…?=). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

export function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] as string, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

interface Part {
  type: string;
  content: string;
}

function leafParts(raw: string): Part[] {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    return sections
      .filter((s) => !s.startsWith('--'))
      .flatMap((s) => leafParts(s.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
  }
  return [
    {
      type: type.split(';')[0]?.trim().toLowerCase() ?? 'text/plain',
      content: decodeBody(body, headers.get('content-transfer-encoding')),
    },
  ];
}

/** A whole message (as received, or an .eml file) → headers, subject, Message-ID, text and HTML. */
export function parseMail(raw: string): ParsedMail {
  const headers = parseHeaders(splitHead(raw).head);
  const parts = leafParts(raw);
  const text = parts.find((p) => p.type === 'text/plain')?.content ?? '';
  const html = parts.find((p) => p.type === 'text/html')?.content ?? null;
  return {
    headers,
    subject: headers.get('subject') ?? '',
    messageId: headers.get('message-id') ?? null,
    text: text.replace(/\r\n/g, '\n'),
    html,
  };
}
