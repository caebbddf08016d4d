/** Under a panel's controls: what just happened (read out politely), and what went wrong, if anything. */

import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { Paragraph } from './ui';

export function PanelStatus(props: {
  status: ReactNode;
  error: string | null;
  /** The feature's heading for a failure ("Dat lukte niet"). */
  errorHeading: string;
  testId?: string;
  /** The status in small print (default), or as large as the text around it. */
  small?: boolean;
}) {
  return (
    <>
      <Paragraph size={props.small === false ? undefined : 'small'} aria-live="polite" data-testid={props.testId}>
        {props.status}
      </Paragraph>
      {props.error && (
        <ErrorAlert heading={props.errorHeading} headingLevel={3}>
          {props.error}
        </ErrorAlert>
      )}
    </>
  );
}
