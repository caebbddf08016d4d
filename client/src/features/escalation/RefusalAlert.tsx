/** A refusal or failure from the server, in plain words first and the server's own text as detail. */
import { Alert, Paragraph } from '@amsterdam/design-system-react';
import { ApiError } from '../../app/api';
import { refusalKey } from './ladder';
import { m } from './messages';

export function RefusalAlert({ error, headingLevel = 3 }: { error: unknown; headingLevel?: 2 | 3 | 4 }) {
  const err = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
  const key = refusalKey(err.status, err.id, err.message);
  const plain = key ? m.refusals[key] : null;
  return (
    <Alert heading={m.refusedTitle} headingLevel={headingLevel} severity="error" role="alert">
      {plain && <Paragraph>{plain}</Paragraph>}
      <Paragraph size="small">
        {m.serverSays} <span lang="en">{err.message}</span>
      </Paragraph>
    </Alert>
  );
}
