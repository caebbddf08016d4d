/** The access log in plain words, in the interface language (the rules live in shared/). */
import { eventWords as eventIn, outcomeWords as outcomeIn, subjectWords as subjectIn } from '@samenspraak/shared';
import { lang } from '../../i18n';

export const eventWords = (event: string, language: 'nl' | 'en' = lang) => eventIn(event, language);
/** '' for success (the normal case is not worth a word), else "geweigerd" / "mislukt". */
export const outcomeWords = (outcome: string, language: 'nl' | 'en' = lang) => outcomeIn(outcome, language);
/** Which part of the dossier an entry was about, e.g. "de analyse: versies" or "het dossier". */
export const subjectWords = (detail: string, language: 'nl' | 'en' = lang) => subjectIn(detail, language);
