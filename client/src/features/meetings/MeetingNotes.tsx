/**
 * The meeting's notes and agenda, co-edited live: the documents feature's `CaseDocument` on
 * `<caseId>.meetingNotes.<meetingId>`. Loaded lazily: the editor is large, and the meeting page shows
 * attendance and decisions first.
 */

import type { CaseDetail } from '@samenspraak/shared';
import { lazy, Suspense } from 'react';
import { Paragraph } from '../../components/ui';
import { m } from './messages';

const CaseDocument = lazy(async () => ({ default: (await import('../documents/CaseDocument')).CaseDocument }));

export function MeetingNotes({
  caseId,
  documentId,
  detail,
}: {
  caseId: string;
  documentId: string;
  detail: CaseDetail;
}) {
  return (
    <Suspense fallback={<Paragraph>{m.notesLoading}</Paragraph>}>
      <CaseDocument caseId={caseId} documentId={documentId} type="meetingNotes" detail={detail} />
    </Suspense>
  );
}
