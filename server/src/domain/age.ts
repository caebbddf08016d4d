/**
 * Ages of law (12, 16, 18) change at local midnight in Europe/Amsterdam (domain brief §7), not at UTC
 * midnight: otherwise a parent without consent keeps access to a 16-year-old's case for an hour or two
 * after the birthday has begun. The calendar rules live in `@samenspraak/shared` (`legalDates.ts`), so
 * the client counts down to the same birthday.
 */
export { ageOn, amsterdamDate } from '@samenspraak/shared';
