/**
 * The side column of a case document page: endorsement (instemming) with the behavioural scientist's
 * sign-off, and the named versions. Rendered by the document page; everything it shows comes from the
 * version and endorsement routes, re-read after our own actions and on `case:changed` for this document.
 */

import type { EndorsementsResponse, VersionsResponse } from '@samenspraak/shared';
import { atLeast, type CaseDetail, type DocumentType, SECTIONS } from '@samenspraak/shared';
import { useMemo } from 'react';
import { useUser } from '../../app/auth';
import { errorText } from '../../app/errorText';
import { useCaseRooms, useLiveEvent } from '../../app/rooms';
import { useApi } from '../../app/useApi';
import { EndorsementPanel } from './EndorsementPanel';
import { m } from './messages';
import { VersionsPanel } from './VersionsPanel';
import './versions.css';

export interface DocumentPanelsProps {
  caseId: string;
  documentId: string;
  type: DocumentType;
  detail: CaseDetail;
}

export function DocumentPanels({ caseId, documentId, type, detail }: DocumentPanelsProps) {
  const user = useUser();
  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  const endorsements = useApi<EndorsementsResponse>(`${base}/endorsements`);
  const versions = useApi<VersionsResponse>(`${base}/versions`);

  useCaseRooms([caseId]);
  useLiveEvent('case:changed', (e) => {
    if (e === null) {
      void versions.reload();
      void endorsements.reload();
      return;
    }
    if (e.caseId !== caseId || (e.documentId !== undefined && e.documentId !== documentId)) return;
    if (e.kind === 'versions') void versions.reload();
    if (e.kind === 'endorsements') void endorsements.reload();
  });

  const permissions = detail.effectiveSections[type] ?? {};
  const mayEndorse = Object.values(permissions).some((p) => atLeast(p, 'comment'));
  const editable = useMemo(() => {
    const all = SECTIONS[type].map((s) => s.id);
    const mine = all.filter((id) => permissions[id] === 'edit');
    return mine.length === all.length ? null : mine;
  }, [type, permissions]);
  const maySignOff =
    detail.myRole === 'gedragswetenschapper' &&
    (detail.responsibleScientistId === user.id || detail.responsibleScientistId === null) &&
    type !== 'meetingNotes';

  return (
    <aside className="doc-panels" aria-label={m.panelsLabel} data-testid="document-panels">
      <EndorsementPanel
        documentId={documentId}
        detail={detail}
        me={user.id}
        mayEndorse={mayEndorse}
        maySignOff={maySignOff}
        endorsements={endorsements.data?.endorsements ?? null}
        error={endorsements.error ? errorText(endorsements.error) : null}
        onEndorsed={() => void endorsements.reload()}
        onSignedOff={() => {
          void endorsements.reload();
          void versions.reload();
        }}
      />
      <VersionsPanel
        documentId={documentId}
        type={type}
        versions={versions.data?.versions ?? null}
        error={versions.error ? errorText(versions.error) : null}
        editable={editable}
        onChanged={() => void versions.reload()}
      />
    </aside>
  );
}
