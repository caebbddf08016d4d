/**
 * The functioneel beheerder's mail page (/beheer/mails): the outbox's newest mails — to whom, which
 * kind, sent / waiting / failed, tries and the last error — and, when no mail server is set, each
 * mail's text (fixed words and a link; a mail never holds care data), so a demo shows them.
 */
import type { MailsResponse, OutboxMail } from '@samenspraak/shared';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { Alert, Button, Heading, Paragraph, Table } from '../../components/ui';
import { formatMoment } from '../../dates';
import { m } from './messages';
import './mails.css';

function StatusText({ mail }: { mail: OutboxMail }) {
  const at = mail.status === 'sent' ? mail.sentAt : mail.status === 'failed' ? mail.failedAt : null;
  return (
    <span className={`mails__status mails__status--${mail.status}`}>
      {m.statuses[mail.status]}
      {at && (
        <>
          <br />
          <time dateTime={at}>{formatMoment(at)}</time>
        </>
      )}
      {mail.status === 'pending' && mail.nextAttemptAt && mail.attempts > 0 && (
        <>
          <br />
          <span className="muted">{m.nextTry(formatMoment(mail.nextAttemptAt))}</span>
        </>
      )}
    </span>
  );
}

function MailRow({ mail }: { mail: OutboxMail }) {
  return (
    <Table.Row role="row">
      <Table.Cell role="cell" data-label={m.columnTo} className="mails__to">
        {mail.to}
        {mail.text && (
          <details className="mails__text">
            <summary>{m.showText}</summary>
            <pre>{mail.text}</pre>
          </details>
        )}
      </Table.Cell>
      <Table.Cell role="cell" data-label={m.columnKind}>
        {m.kinds[mail.kind]}
      </Table.Cell>
      <Table.Cell role="cell" data-label={m.columnCreated}>
        <time dateTime={mail.createdAt}>{formatMoment(mail.createdAt)}</time>
      </Table.Cell>
      <Table.Cell role="cell" data-label={m.columnStatus}>
        <StatusText mail={mail} />
      </Table.Cell>
      <Table.Cell role="cell" data-label={m.columnAttempts}>
        {mail.attempts}
      </Table.Cell>
      <Table.Cell role="cell" data-label={m.columnError} className="mails__error">
        {mail.lastError ?? m.noError}
      </Table.Cell>
    </Table.Row>
  );
}

export function MailsPage() {
  const { data, error, loading, reload } = useApi<MailsResponse>('/api/admin/mails');
  const head = (
    <Heading level={1} id="mails-title">
      {m.title}
    </Heading>
  );
  if (error) {
    const forbidden = error.status === 403;
    return (
      <section className="stack" aria-labelledby="mails-title">
        {head}
        <Alert heading={m.loadFailed} headingLevel={2} severity="error">
          <Paragraph>{forbidden ? m.forbidden : errorText(error)}</Paragraph>
          {!forbidden && <Button onClick={() => void reload()}>{m.reload}</Button>}
        </Alert>
      </section>
    );
  }
  if (!data) {
    return (
      <section className="stack" aria-labelledby="mails-title" aria-busy={loading}>
        {head}
        <Paragraph>{m.loading}</Paragraph>
      </section>
    );
  }
  return (
    <section className="stack mails" aria-labelledby="mails-title">
      {head}
      <Paragraph>{m.intro}</Paragraph>
      <Paragraph>{data.transport === 'folder' && data.folder ? m.folderNote(data.folder) : m.smtpNote}</Paragraph>
      <dl className="mails__counts">
        {(['pending', 'sent', 'failed'] as const).map((k) => (
          <div key={k}>
            <dt>{m[k]}</dt>
            <dd>{data.counts[k]}</dd>
          </div>
        ))}
      </dl>
      {data.counts.failed > 0 && (
        <Alert heading={m.failedTitle(data.counts.failed)} headingLevel={2} severity="warning">
          <Paragraph>{m.failedBody}</Paragraph>
        </Alert>
      )}
      <div>
        <Button variant="secondary" onClick={() => void reload()} disabled={loading}>
          {m.reload}
        </Button>
      </div>
      {data.mails.length === 0 ? (
        <Paragraph>{m.none}</Paragraph>
      ) : (
        <Table className="mails__table stacked-table" role="table" data-testid="mails">
          <Table.Caption className="visually-hidden">{m.caption(data.mails.length)}</Table.Caption>
          <Table.ColumnHeaders
            columns={[m.columnTo, m.columnKind, m.columnCreated, m.columnStatus, m.columnAttempts, m.columnError]}
          />
          <Table.Body role="rowgroup">
            {data.mails.map((mail) => (
              <MailRow key={mail.id} mail={mail} />
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
