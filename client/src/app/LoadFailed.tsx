/**
 * A page or document that could not be loaded: the reason in plain words, and "try again" unless it does
 * not exist (or is not this person's to see), where trying again would not help.
 */

import { Alert, Button, Paragraph } from '../components/ui';
import { errorText } from './errorText';

export function LoadFailed(props: {
  heading: string;
  headingLevel: 1 | 2;
  error: unknown;
  /** Not found (or not allowed): says `notFoundText`, offers no retry. */
  missing: boolean;
  notFoundText: string;
  retryLabel: string;
  onRetry(): void;
}) {
  return (
    <Alert heading={props.heading} headingLevel={props.headingLevel} severity="error" role="alert">
      <Paragraph>{props.missing ? props.notFoundText : errorText(props.error)}</Paragraph>
      {!props.missing && (
        <Button variant="secondary" onClick={props.onRetry}>
          {props.retryLabel}
        </Button>
      )}
    </Alert>
  );
}
