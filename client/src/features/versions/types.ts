/** The shapes the version and endorsement routes answer with: the server's, from shared/src/documentContracts.ts. */
import type { RecordedPerson, VersionDiff } from '@samenspraak/shared';

export type {
  DiffPart,
  EndorsementView,
  SectionContent,
  SectionDiff,
  VersionDetail,
  VersionSummary,
} from '@samenspraak/shared';
export type Person = RecordedPerson;
/** GET …/versions/:a/diff/:b ("current" for the document as it is now). */
export type DiffAnswer = VersionDiff;
