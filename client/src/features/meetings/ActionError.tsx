/** A refused meeting action: plain words first, the server's own text as detail. */

import { ApiError } from '../../app/api';
import { errorText } from '../../app/errorText';
import { Alert, Paragraph } from '../../components/ui';
import { m } from './messages';

export function ActionError({ error }: { error: unknown }) {
  const err = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
  return (
    <Alert heading={m.refused} headingLevel={3} severity="error" role="alert">
      <Paragraph>{errorText(err)}</Paragraph>
      <Paragraph size="small">
        {m.serverSays} <span lang="en">{err.message}</span>
      </Paragraph>
    </Alert>
  );
}
