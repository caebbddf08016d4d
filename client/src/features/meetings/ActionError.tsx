/** A refused meeting action: plain words first, the server's own text as detail. */
import { Alert, Paragraph } from '@amsterdam/design-system-react';
import { ApiError } from '../../app/api';
import { lang } from '../../i18n';
import { m } from './messages';

const PLAIN: Record<string, { nl: string; en: string }> = {
  meeting_state: {
    nl: 'Dat kan nu niet in deze fase van het overleg. Misschien veranderde het net.',
    en: 'That is not possible in this phase of the meeting. Perhaps it just changed.',
  },
  forbidden: { nl: 'Jouw rol mag dit niet doen.', en: 'Your role may not do this.' },
  document_refused: {
    nl: 'Het document nam het besluit niet aan. Probeer een ander onderdeel.',
    en: 'The document did not accept the item. Try another section.',
  },
  invalid_request: { nl: 'Niet alles is goed ingevuld.', en: 'Not everything is filled in correctly.' },
  case_closed: { nl: 'De zaak is gesloten.', en: 'The case is closed.' },
};

export function ActionError({ error }: { error: unknown }) {
  const err = error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
  const plain = PLAIN[err.id];
  return (
    <Alert heading={m.refused} headingLevel={3} severity="error" role="alert">
      {plain && <Paragraph>{plain[lang]}</Paragraph>}
      <Paragraph size="small">
        {m.serverSays} <span lang="en">{err.message}</span>
      </Paragraph>
    </Alert>
  );
}
