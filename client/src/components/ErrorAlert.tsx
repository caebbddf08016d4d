/** What went wrong, in words (`useSubmit().error`, `errorText`), read out at once (role="alert"). */

import { Alert, Paragraph } from './ui';

export function ErrorAlert(props: { heading: string; headingLevel: 2 | 3; children: string }) {
  return (
    <Alert heading={props.heading} headingLevel={props.headingLevel} severity="error" role="alert">
      <Paragraph>{props.children}</Paragraph>
    </Alert>
  );
}
