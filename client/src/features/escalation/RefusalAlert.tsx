/** A refusal or failure from the server, in plain words first and the server's own text as detail. */

import { ApiError } from '../../app/api';
import { errorText } from '../../app/errorText';
import { Alert, Paragraph } from '../../components/ui';
import { refusalKey } from './ladder';
import { m } from './messages';

export function RefusalAlert({ error, headingLevel = 3 }: { error: unknown; headingLevel?: 2 | 3 | 4 }) {
  const err = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
  const key = refusalKey(err.status, err.id, err.message);
  // The ladder's own words where it has them (open commitments, "you may propose"), else the general ones.
  const plain = key ? m.refusals[key] : errorText(err);
  return (
    <Alert heading={m.refusedTitle} headingLevel={headingLevel} severity="error" role="alert">
      <Paragraph>{plain}</Paragraph>
      <Paragraph size="small">
        {m.serverSays} <span lang="en">{err.message}</span>
      </Paragraph>
    </Alert>
  );
}
