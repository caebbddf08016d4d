/** One mail as bytes on the wire (RFC 5322), built by nodemailer's composer from the fixed content. */
import { createHash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailContent } from './mailContent.js';

/**
 * The Message-ID of the mail with this idempotency key: the same key always gives the same id, so a
 * receiver (or a person) recognises a re-send. A hash, so the key (which may name a token's id) stays
 * out of the headers.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}@${domain}>`;
}

/** The domain part of Message-IDs: the public URL's host name. */
export function messageIdDomain(publicUrl: string): string {
  return new URL(publicUrl).hostname || 'samenspraak.invalid';
}

/** The bare address of "Name <address>" (the SMTP envelope's sender); throws when there is none. */
export function envelopeAddress(from: string): string {
  const first = addressparser(from)[0];
  const address = first && 'address' in first ? first.address : '';
  if (!address?.includes('@')) throw new Error(`MAIL_FROM must name an address, got "${from}"`);
  return address;
}

export interface MailHeaders {
  from: string;
  to: string;
  messageId: string;
  date: Date;
}

export async function buildMessage(headers: MailHeaders, content: MailContent): Promise<Buffer> {
  const composer = new MailComposer({
    from: headers.from,
    to: headers.to,
    subject: content.subject,
    text: content.text,
    html: content.html,
    messageId: headers.messageId,
    date: headers.date,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message)));
  });
}
