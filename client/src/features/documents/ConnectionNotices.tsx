/** What the document says about its connection: reloaded after a refused change, access ended, a problem. */

import type { CollabStatus } from '../../collab/connection';
import { OutdatedNotice } from '../../collab/OutdatedNotice';
import { Alert, Button, Paragraph } from '../../components/ui';
import { t } from '../../i18n';
import { m } from './messages';
import type { DocumentConnectionState } from './useDocumentConnection';

const DENIED_TEXT = {
  unauthenticated: () => m.deniedSession,
  expired: () => m.deniedSession,
  forbidden: () => m.deniedAccess,
  revoked: () => m.deniedAccess,
  'bad-document': () => m.deniedAccess,
} as const;

const PROBLEM_TEXT = {
  'rate-limited': () => t.problemRateLimited,
  'store-unavailable': () => t.problemStoreUnavailable,
  'too-big': () => t.problemTooBig,
  invalid: () => t.problemInvalid,
} as const;

export function ConnectionNotices({ status, live }: { status: CollabStatus; live: DocumentConnectionState }) {
  const reason = (r: string) => t.rejected[r] ?? t.rejectedOther;
  return (
    <>
      {live.reloadedAfter && (
        <Alert
          heading={m.reloadedTitle}
          headingLevel={2}
          severity="warning"
          closeable
          closeButtonLabel={m.dismiss}
          onClose={live.dismissNotice}
          data-testid="reloaded-notice"
        >
          <Paragraph>{m.reloadedBody(reason(live.reloadedAfter.reason))}</Paragraph>
        </Alert>
      )}
      {live.rejectedAgain && (
        <Alert heading={m.reloadedTitle} headingLevel={2} severity="error" role="alert" data-testid="rejection">
          <Paragraph>{reason(live.rejectedAgain.reason)}</Paragraph>
          <Button variant="secondary" onClick={live.reload}>
            {m.reloadAgain}
          </Button>
        </Alert>
      )}
      {status.outdated && <OutdatedNotice />}
      {status.denied && (
        <Alert heading={m.deniedTitle} headingLevel={2} severity="error" role="alert" data-testid="access-ended">
          <Paragraph>{DENIED_TEXT[status.denied]()}</Paragraph>
          {status.unsaved && <Paragraph>{m.deniedUnsaved}</Paragraph>}
        </Alert>
      )}
      {status.problem && status.phase !== 'online' && !status.denied && (
        <Alert heading={PROBLEM_TEXT[status.problem]()} headingLevel={2} severity="warning" />
      )}
    </>
  );
}
