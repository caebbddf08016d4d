/**
 * `/zaken/:caseId/analyse` and `/zaken/:caseId/toekomstplan`: the case document page. Loads the case
 * (who the young person is, what this person may do per section), then the live document.
 */

import type { CaseDetailResponse } from '@samenspraak/shared';
import { documentId as documentIdOf } from '@samenspraak/shared';
import { lazy, Suspense, useEffect } from 'react';
import { CaseBreadcrumb } from '../../app/CaseBreadcrumb';
import { CaseNotLoaded } from '../../app/LoadFailed';
import { useApi } from '../../app/useApi';
import { Heading, Paragraph } from '../../components/ui';
import { FuturePlanPanel } from '../plan/FuturePlanPanel';
import { m } from './messages';
import { tm2 } from './tocMessages';

// The editor (Tiptap, ProseMirror, Yjs: most of this page's JavaScript) is a chunk of its own, asked
// for as soon as this page's code runs, next to the case request: the heading and the breadcrumb show
// without waiting for it (issue 16).
const loadEditor = () => import('./CaseDocument').then((mod) => ({ default: mod.CaseDocument }));
void loadEditor();
const CaseDocument = lazy(loadEditor);

export function CaseDocumentPage({ caseId, type }: { caseId: string; type: 'analysis' | 'futurePlan' }) {
  const detail = useApi<CaseDetailResponse>(`/api/cases/${encodeURIComponent(caseId)}`);
  const c = detail.data?.case ?? null;
  const firstName = c ? (c.youngPerson.name.trim().split(/\s+/)[0] ?? '') : '';
  const title = m.docTitle[type];

  useEffect(() => {
    document.title = `${c ? m.headingOf(title, firstName) : m.loading} — Samenspraak`;
  }, [c, title, firstName]);

  const breadcrumb = (
    <CaseBreadcrumb
      casesLabel={m.breadcrumbCases}
      accessibleName={m.breadcrumb}
      toCase={c ? { caseId, label: firstName } : undefined}
    />
  );

  if (detail.error || !c) return <CaseNotLoaded resource={detail} texts={m} breadcrumb={breadcrumb} />;

  return (
    <div className="casedoc-page">
      {breadcrumb}
      <header className="casedoc-page__header">
        <Heading level={1} data-testid="document-heading">
          {c.myRole === 'jeugdige' || c.myRole === 'ouder' ? (
            // The young person and parents read what the document is in plain words; the term stays next to it.
            <>
              {tm2.plainDocTitle[type]}{' '}
              <span className="doc-term">
                <span className="visually-hidden">{tm2.termPrefix} </span>
                {m.headingOf(title, firstName)}
              </span>
            </>
          ) : (
            m.headingOf(title, firstName)
          )}
        </Heading>
        <Paragraph className="casedoc-page__intro">{m.intro[type]}</Paragraph>
      </header>
      {type === 'futurePlan' && <FuturePlanPanel caseId={caseId} />}
      <Suspense fallback={<Paragraph>{m.loading}</Paragraph>}>
        <CaseDocument caseId={caseId} documentId={documentIdOf(caseId, type)} type={type} detail={c} />
      </Suspense>
    </div>
  );
}
