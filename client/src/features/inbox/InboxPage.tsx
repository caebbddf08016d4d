/** The inbox page (/inbox): everything that needs you, newest first; "alles gelezen"; the e-mail choice. */
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Heading, Paragraph } from '../../components/ui';
import { InboxList } from './InboxList';
import { MailPreferenceForm } from './MailPreferenceForm';
import { m } from './messages';
import { markAllRead, useInbox } from './useInbox';
import './inbox.css';

export function InboxPage() {
  const { inbox, status, error } = useInbox();
  const all = useSubmit();
  return (
    <div className="stack inbox">
      <Heading level={1}>{m.pageTitle}</Heading>
      <Paragraph>{m.pageIntro}</Paragraph>
      {status === 'loading' && <Paragraph>{m.loading}</Paragraph>}
      {status === 'error' && (
        <ErrorAlert heading={m.loadFailed} headingLevel={2}>
          {error ?? ''}
        </ErrorAlert>
      )}
      {status === 'ready' && (
        <>
          <div className="inbox__bar">
            <Paragraph data-testid="inbox-unread">{m.unreadCount(inbox.unread)}</Paragraph>
            {inbox.unread > 0 && (
              <Button variant="secondary" disabled={all.busy} onClick={() => void all.submit(() => markAllRead())}>
                {m.markAll}
              </Button>
            )}
          </div>
          {all.error && (
            <ErrorAlert heading={m.markAllFailed} headingLevel={2}>
              {all.error}
            </ErrorAlert>
          )}
          {inbox.items.length === 0 ? <Paragraph>{m.none}</Paragraph> : <InboxList items={inbox.items} />}
        </>
      )}
      <MailPreferenceForm />
    </div>
  );
}
