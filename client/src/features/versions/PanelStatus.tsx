/** Under a panel's form: what just happened (read out politely), and what went wrong, if anything. */

import { Alert, Paragraph } from '../../components/ui';
import { m } from './messages';

export function PanelStatus({ status, error, testId }: { status: string; error: string | null; testId: string }) {
  return (
    <>
      <Paragraph size="small" aria-live="polite" data-testid={testId}>
        {status}
      </Paragraph>
      {error && (
        <Alert heading={m.loadFailed} headingLevel={3} severity="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
    </>
  );
}
