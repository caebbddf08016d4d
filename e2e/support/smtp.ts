/**
 * A real SMTP server for the browser tests (the `smtp-server` package, in-process, on a free port), the
 * e2e twin of server/test/support/smtpServer.ts (the e2e project cannot import from server/test). It
 * keeps every accepted message raw, with its envelope recipients and its decoded text (quoted-printable
 * and base64 parts joined), which is enough to follow a link and to check what a mail does NOT contain.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string[];
  /** The message as received (headers and encoded body). */
  raw: string;
  /** Every body part decoded (quoted-printable, base64), joined: for reading links and words. */
  decoded: string;
}

function decodeQuotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes each MIME part by its Content-Transfer-Encoding (enough for what nodemailer sends). */
function decodeParts(raw: string): string {
  const out: string[] = [];
  for (const chunk of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const at = chunk.search(/\r?\n\r?\n/);
    if (at < 0) continue;
    const head = chunk.slice(0, at);
    const body = chunk.slice(at).replace(/^\r?\n\r?\n/, '');
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (encoding === 'quoted-printable') out.push(decodeQuotedPrintable(body));
    else if (encoding === 'base64')
      out.push(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('utf8'));
    else out.push(body);
  }
  return out.join('\n');
}

export class SmtpCollector {
  readonly mails: Mail[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpCollector> {
    let collector: SmtpCollector | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 50,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          collector?.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, decoded: decodeParts(raw) });
          callback();
        });
      },
    });
    server.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    collector = new SmtpCollector(server, (server.server.address() as AddressInfo).port);
    return collector;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails to `address` so far. */
  to(address: string): Mail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
