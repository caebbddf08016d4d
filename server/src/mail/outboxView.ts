/**
 * The outbox as the functioneel beheerder sees it: the newest mails with their state, and — with the
 * local-folder transport — each mail's text and file. The text is recomputed from kind, link and count
 * (it is exactly what the file holds: the content is a pure function of those three).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MailKind, MailsResponse, OutboxMail } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { composeMail } from './mailContent.js';
import type { MailOutboxTable, OutboxSchema } from './outbox.js';
import { absoluteLink } from './outboxWorker.js';
import { mailFileName, mailFolder } from './transports.js';

const LIMIT = 200;

/**
 * A password-reset link is for its owner alone: the beheerder's page shows the mail without the token
 * (a beheerder resets a second factor through the account page, never someone's password). Activation
 * and enrolment links are shown: the beheerder hands those over anyway.
 */
const PRIVATE_LINK_KINDS: ReadonlySet<string> = new Set<MailKind>(['password-reset']);
const shownLink = (kind: string, link: string) =>
  PRIVATE_LINK_KINDS.has(kind) ? link.replace(/\/[^/]+$/, '/(verborgen)') : link;

function statusOf(row: MailOutboxTable): OutboxMail['status'] {
  if (row.sent_at) return 'sent';
  if (row.failed_at) return 'failed';
  return 'pending';
}

export async function outboxView(db: Kysely<never>, config: Config, publicUrl: string): Promise<MailsResponse> {
  const outbox = db as unknown as Kysely<OutboxSchema>;
  const rows = await outbox.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(LIMIT).execute();
  const counted = await outbox
    .selectFrom('mail_outbox')
    .select((eb) => [
      eb.fn.count<number>('id').as('all'),
      eb.fn.count<number>('sent_at').as('sent'),
      eb.fn.count<number>('failed_at').as('failed'),
    ])
    .executeTakeFirstOrThrow();
  const folder = config.mail.smtpUrl ? null : mailFolder(config.dataDir);
  const mails = rows.map((row): OutboxMail => {
    const status = statusOf(row);
    const file = folder && status === 'sent' && fs.existsSync(path.join(folder, mailFileName(row.id)));
    return {
      id: row.id,
      to: row.to_address,
      kind: row.kind as MailKind,
      createdAt: row.created_at,
      status,
      sentAt: row.sent_at,
      failedAt: row.failed_at,
      attempts: Number(row.attempts),
      nextAttemptAt: status === 'pending' ? row.next_attempt_at : null,
      lastError: row.last_error,
      text: folder
        ? composeMail(
            row.kind as MailKind,
            absoluteLink(publicUrl, shownLink(row.kind, row.link)),
            row.item_count === null ? null : Number(row.item_count),
          ).text
        : null,
      file: file ? mailFileName(row.id) : null,
    };
  });
  const sent = Number(counted.sent);
  const failed = Number(counted.failed);
  return {
    transport: folder ? 'folder' : 'smtp',
    folder,
    counts: { pending: Number(counted.all) - sent - failed, sent, failed },
    mails,
  };
}
