/**
 * The side column of a case document page: endorsement (instemming) with the behavioural scientist's
 * sign-off, and the named versions. Rendered by the document page; everything it shows comes from the
 * version and endorsement routes, re-read after our own actions and on `case:changed` for this document.
 */

import type { EndorsementsResponse, SignOffStatus, VersionsResponse } from '@samenspraak/shared';
import { atLeast, type CaseDetail, type DocumentType, SECTIONS } from '@samenspraak/shared';
import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
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
  /** The live document: when its text changes, the hash the person endorses is read again. */
  doc?: Y.Doc;
}

/** After an edit burst, read the hash of the text again (the server has the update by then). */
const TEXT_SETTLE_MS = 400;

export function DocumentPanels({ caseId, documentId, type, detail, doc }: DocumentPanelsProps) {
  const user = useUser();
  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  const endorsements = useApi<EndorsementsResponse>(`${base}/endorsements`);
  const versions = useApi<VersionsResponse>(`${base}/versions`);
  const signOff = useApi<SignOffStatus>(`${base}/sign-off`);
  const reloadSignOff = signOff.reload;

  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changed = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void reloadSignOff(), TEXT_SETTLE_MS);
    };
    doc.on('update', changed);
    return () => {
      doc.off('update', changed);
      if (timer) clearTimeout(timer);
    };
  }, [doc, reloadSignOff]);

  useCaseRooms([caseId]);
  useLiveEvent('case:changed', (e) => {
    if (e === null) {
      void versions.reload();
      void endorsements.reload();
      void signOff.reload();
      return;
    }
    if (e.caseId !== caseId || (e.documentId !== undefined && e.documentId !== documentId)) return;
    if (e.kind === 'versions') void versions.reload();
    if (e.kind === 'endorsements') void endorsements.reload();
    if (e.kind === 'versions' || e.kind === 'endorsements' || e.kind === 'case') void signOff.reload();
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
        type={type}
        detail={detail}
        status={signOff.data ?? null}
        me={user.id}
        mayEndorse={mayEndorse}
        maySignOff={maySignOff}
        endorsements={endorsements.data?.endorsements ?? null}
        error={endorsements.error ? errorText(endorsements.error) : null}
        onEndorsed={() => {
          void endorsements.reload();
          void signOff.reload();
        }}
        onSignedOff={() => {
          void endorsements.reload();
          void versions.reload();
          void signOff.reload();
        }}
        onStatusChanged={() => {
          void signOff.reload();
          void endorsements.reload();
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
