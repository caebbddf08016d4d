/**
 * What went wrong, in words a parent or a 16-year-old understands: one text per stable error id of the
 * server (`HTTP_ERROR_IDS` in shared/), so no page shows the server's English. The table is typed over
 * every id, so an id added on the server does not compile here until it has words in both languages.
 */
import { errorWordsFor, UNKNOWN_ERROR_WORDS } from '@samenspraak/shared';
import { lang as currentLang, type Lang } from '../i18n';
import { ApiError } from './api';

type Words = Record<Lang, string>;

/** The client's own ids (`api.ts`): no answer, or an answer that was not JSON. */
type ClientErrorId = 'network' | 'bad-response';

const CLIENT_TEXT: Record<ClientErrorId, Words> = {
  network: {
    nl: 'Er is geen verbinding met de server. Controleer je internet en probeer het opnieuw.',
    en: 'There is no connection to the server. Check your internet and try again.',
  },
  'bad-response': {
    nl: 'De server gaf een onleesbaar antwoord. Probeer het opnieuw.',
    en: 'The server sent an unreadable answer. Please try again.',
  },
};

/** The words for an error: the client's own ids here, the server's through shared `errorWordsFor`. */
export function errorText(err: unknown, lang: Lang = currentLang): string {
  if (!(err instanceof ApiError)) return UNKNOWN_ERROR_WORDS[lang];
  if (err.id === 'network' || err.id === 'bad-response') return CLIENT_TEXT[err.id][lang];
  return errorWordsFor(err.id, err.details, lang);
}
