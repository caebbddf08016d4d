/**
 * The breakthrough page (`/zaken/:caseId/doorbraak`, domain brief §5). Built for a director who joins for
 * twenty minutes on a laptop: the bottleneck, what was tried and the analysis come first; then the
 * commitments (organisation, what, which law or budget, by when, status in words). Directors record
 * their commitment; the RET process director plans the session, invites directors and marks
 * commitments met. Live: re-read when escalation or commitments change on the case.
 */

import type { CaseDetailResponse, CommitmentView, EscalationResponse } from '@samenspraak/shared';
import { useState } from 'react';
import { api } from '../../app/api';
import { useUser } from '../../app/auth';
import { CaseBreadcrumb } from '../../app/CaseBreadcrumb';
import { errorText } from '../../app/errorText';
import { useRealtimeEvent } from '../../app/realtime';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { Alert, Button, Heading, Paragraph } from '../../components/ui';
import { roleLabel } from '../../i18n';
import { BreakthroughBrief } from './BreakthroughBrief';
import { CommitmentForm, CommitmentList } from './Commitments';
import { EscalationPanel } from './EscalationPanel';
import { levelLabel, m } from './messages';
import { RefusalAlert } from './RefusalAlert';
import { SessionPlanner } from './SessionPlanner';
import { mergeSessions, rememberedSessions } from './sessions';
import { useCaseLive } from './useCaseLive';
import './escalation.css';

export function BreakthroughPage({ caseId }: { caseId: string }) {
  const user = useUser();
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const caseRes = useApi<CaseDetailResponse>(base);
  const esc = useApi<EscalationResponse>(`${base}/escalation`);
  const [remembered, setRemembered] = useState(() => rememberedSessions(caseId));
  // The list shows which commitment is being marked; this keeps only why it was refused.
  const { failure: markError, submit: mark } = useSubmit();
  useCaseLive(caseId, ['escalation', 'commitments', 'case'], (event) => {
    void esc.reload();
    if (!event || event.kind === 'case') void caseRes.reload();
  });

  // A pushed notification on this case (e.g. a commitment ran overdue): its status changed, re-read.
  useRealtimeEvent('notification', (push) => {
    if (push.caseId === caseId) void esc.reload();
  });

  const theCase = caseRes.data?.case ?? null;
  const data = esc.data;
  const myRole = theCase?.myRole ?? null;
  const nameOf = (id: string) => theCase?.participants.find((p) => p.userId === id)?.name ?? roleLabel('dbt-lid');
  const directors = theCase?.participants.filter((p) => p.role === 'dbt-lid') ?? [];
  const sessions = data ? mergeSessions(data.sessions, remembered, data.commitments) : [];

  const markMet = async (c: CommitmentView) => {
    await mark(
      async () => {
        await api('POST', `${base}/commitments/${encodeURIComponent(c.id)}/met`);
      },
      { settle: esc.reload },
    );
  };

  const loadError = caseRes.error ?? (data ? null : esc.error);

  return (
    <article className="stack breakthrough" aria-labelledby="breakthrough-title">
      <CaseBreadcrumb
        casesLabel={m.breadcrumbCases}
        toCase={{ caseId, label: theCase ? theCase.youngPerson.name.split(' ')[0] : m.breadcrumbCase }}
      />
      <header className="stack-s">
        <Heading level={1} id="breakthrough-title">
          {m.pageTitle}
        </Heading>
        {theCase && (
          <Paragraph size="large">
            {m.aboutCase(theCase.youngPerson.name, theCase.youngPerson.age, theCase.region)}
          </Paragraph>
        )}
        <Paragraph>{m.pageIntro}</Paragraph>
        <Paragraph size="small">{m.live}</Paragraph>
      </header>

      {loadError && (
        <Alert heading={m.loadFailed} headingLevel={2} severity="error">
          <Paragraph>{loadError.status === 404 ? m.refusals.notFound : errorText(loadError)}</Paragraph>
          <Button
            variant="secondary"
            onClick={() => {
              void caseRes.reload();
              void esc.reload();
            }}
          >
            {m.retry}
          </Button>
        </Alert>
      )}
      {!loadError && (!data || !theCase) && <Paragraph>{m.loading}</Paragraph>}

      {data && theCase && (
        <>
          {data.level !== 'dbt' && (
            <Alert heading={m.notAtDbtTitle} headingLevel={2} severity="warning">
              <Paragraph>{m.notAtDbtBody(levelLabel(data.level))}</Paragraph>
            </Alert>
          )}
          <BreakthroughBrief caseId={caseId} esc={data} nameOf={nameOf} />

          <div className="breakthrough__columns">
            <section className="stack" aria-labelledby="commitments-title">
              <Heading level={2} id="commitments-title">
                {m.commitmentsTitle}
              </Heading>
              {data.overdueCommitments.length > 0 && (
                <Alert
                  heading={`${m.status.overdue}: ${data.overdueCommitments.length}`}
                  headingLevel={3}
                  severity="error"
                >
                  <Paragraph>{m.overdueBody}</Paragraph>
                </Alert>
              )}
              {markError !== null && <RefusalAlert error={markError} headingLevel={3} />}
              <CommitmentList
                commitments={data.commitments}
                headingLevel={3}
                canMarkMet={(c) => myRole === 'procesregisseur' || (myRole === 'dbt-lid' && c.authorId === user.id)}
                onMarkMet={markMet}
              />
              {data.level === 'dbt' && data.commitments.length > 0 && data.mayScaleDown && (
                <Paragraph>
                  <strong>{m.scaleDownReady}</strong>
                </Paragraph>
              )}
            </section>

            <div className="stack">
              {myRole === 'dbt-lid' && (
                <CommitmentForm
                  caseId={caseId}
                  defaultOrganisation={user.organisation ?? ''}
                  headingLevel={2}
                  onSaved={() => esc.reload()}
                />
              )}
              <section className="stack-s" aria-labelledby="directors-title">
                <Heading level={2} id="directors-title">
                  {m.directorsTitle}
                </Heading>
                {directors.length === 0 ? (
                  <Paragraph>{m.directorsEmpty}</Paragraph>
                ) : (
                  <ul>
                    {directors.map((d) => (
                      <li key={d.userId}>
                        {d.name}
                        {m.directorsOrg(d.organisation)}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              {myRole === 'procesregisseur' && data.level === 'dbt' && (
                <SessionPlanner
                  caseId={caseId}
                  sessions={sessions}
                  onChanged={async () => {
                    setRemembered(rememberedSessions(caseId));
                    await Promise.all([caseRes.reload(), esc.reload()]);
                  }}
                />
              )}
            </div>
          </div>

          <EscalationPanel
            caseId={caseId}
            detail={theCase}
            headingLevel={2}
            // Directors commit; the ladder's steps are for the professionals on the case.
            showForm={myRole !== 'dbt-lid'}
            onChanged={() => void esc.reload()}
          />
        </>
      )}
    </article>
  );
}
