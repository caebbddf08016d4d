/** The shapes the version and endorsement routes answer with (server/src/versions, server/src/endorsements). */
import type { EndorsementStance, VersionKind } from '@samenspraak/shared';

export interface Person {
  id: string;
  name: string;
  role: string;
}

export interface VersionSummary {
  id: string;
  name: string;
  kind: VersionKind;
  author: Person;
  createdAt: string;
  restoredFrom: string | null;
}

export interface EndorsementView {
  id: string;
  person: Person;
  stance: EndorsementStance;
  words: string | null;
  createdAt: string;
  supersededAt: string | null;
}

export type SectionContent =
  | { title: string; content: 'richText'; text: string }
  | { title: string; content: 'items'; items: unknown[] }
  | { title: string; content: 'unreadable'; error: string };

/** GET …/versions/:vid */
export interface VersionDetail {
  version: VersionSummary;
  sections: Record<string, SectionContent>;
  endorsements: EndorsementView[];
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface SectionDiff {
  title: string;
  changed: boolean;
  parts: DiffPart[];
}

/** GET …/versions/:a/diff/:b ("current" for the document as it is now). */
export interface DiffAnswer {
  from: string;
  to: string;
  sections: Record<string, SectionDiff>;
}
