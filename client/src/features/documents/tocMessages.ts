/**
 * Words of the section navigation and the plain headings (issue #18). The young person and parents read
 * these: checked by client/src/features/start/readability.test.ts (LIX ≤ 40, no forbidden jargon).
 */
import type { DocumentType } from '@samenspraak/shared';
import { messages } from '../../i18n';

const nl = {
  tocLabel: 'Delen van dit document',
  tocYourPart: 'Jouw deel',
  tocAll: 'Alle delen',
  tocHint: 'Tik op een deel om erheen te gaan.',
  /** The document in plain words for the young person and parents (the professional term stays next to it). */
  plainDocTitle: {
    analysis: 'Wat speelt er en wat kan helpen?',
    futurePlan: 'Jouw plan voor later',
    meetingNotes: 'Wat we bespraken',
  } satisfies Record<DocumentType, string>,
  /** Before the professional term, for screen readers only. */
  termPrefix: 'Zo heet het bij ons:',
  /** Someone else's own part, for the young person and parents. */
  whatThinks: (name: string) => `Wat vindt ${name}?`,
};

const en: typeof nl = {
  tocLabel: 'Parts of this document',
  tocYourPart: 'Your part',
  tocAll: 'All parts',
  tocHint: 'Tap a part to go there.',
  plainDocTitle: {
    analysis: 'What is going on and what can help?',
    futurePlan: 'Your plan for later',
    meetingNotes: 'What we talked about',
  },
  termPrefix: 'What we call it:',
  whatThinks: (name) => `What does ${name} think?`,
};

export const tocMessages = { nl, en };
export const tm2 = messages(tocMessages);
