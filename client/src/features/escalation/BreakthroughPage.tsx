/**
 * The breakthrough page (`/zaken/:caseId/doorbraak`, domain brief §5). Built for a director who joins for
 * twenty minutes on a laptop: the bottleneck, what was tried and the analysis come first; then the
 * commitments (organisation, what, which law or budget, by when, status in words). Directors record
 * their commitment; the RET process director plans the session, invites directors and marks
 * commitments met. Live: re-read when escalation or commitments change on the case.
 */

import type { BreakthroughSessionView, CaseDetail, CommitmentView, EscalationResponse } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { useUser } from '../../app/auth';
import { errorText } from '../../app/errorText';
import { useRealtimeEvent } from '../../app/realtime';
import { AppLink, paths, RouterLink } from '../../app/router';
import { useApi } from '../../app/useApi';
import {
  Alert,
  Breadcrumb,
  Button,
  DateInput,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  TextInput,
} from '../../components/ui';
import { roleLabel } from '../../i18n';
import { CommitmentForm, CommitmentList } from './Commitments';
import { EscalationPanel } from './EscalationPanel';
import { formatDate, formatMoment, isoToLocalInput, localInputToIso } from './format';
import { latestStepTo } from './ladder';
import { levelLabel, m } from './messages';
import { RefusalAlert } from './RefusalAlert';
import { type KnownSession, mergeSessions, rememberedSessions, rememberSession } from './sessions';
import { useCaseLive } from './useCaseLive';
import './escalation.css';

function Brief({ caseId, esc, nameOf }: { caseId: string; esc: EscalationResponse; nameOf: (id: string) => string }) {
  const step = latestStepTo(esc.history, 'dbt');
  return (
    <section className="breakthrough__brief stack" aria-labelledby="brief-title">
      <Heading level={2} id="brief-title">
        {m.briefTitle}
      </Heading>
      {step ? (
        <>
          <div className="stack-s">
            <Heading level={3} size="level-4">
              {m.briefBottleneck}
            </Heading>
            <p className="brief__text pre-line">{step.bottleneck}</p>
          </div>
          <div className="stack-s">
            <Heading level={3} size="level-4">
              {m.briefTried}
            </Heading>
            <p className="brief__text pre-line">{step.tried}</p>
          </div>
          <dl className="facts">
            <div>
              <dt>{m.briefDecided}</dt>
              <dd>
                {nameOf(step.decidedBy)} · {roleLabel(step.decidedByRole)},{' '}
                <time dateTime={step.decidedAt}>{formatMoment(step.decidedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{m.briefAnalysis}</dt>
              <dd>
                <AppLink to={paths.document(caseId, 'analysis')}>{m.briefAnalysisLink}</AppLink>
                {step.analysisSnapshot && (
                  <>
                    <br />
                    <span>{m.briefAnalysisNote(step.analysisSnapshot.version, formatDate(step.decidedAt))}</span>
                  </>
                )}
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <>
          <Paragraph>{m.briefNoStep}</Paragraph>
          <AppLink to={paths.document(caseId, 'analysis')}>{m.briefAnalysisLink}</AppLink>
        </>
      )}
    </section>
  );
}

function InviteForm({
  caseId,
  sessionId,
  onInvited,
}: {
  caseId: string;
  sessionId: string;
  onInvited: () => Promise<void>;
}) {
  const id = useId();
  const directory = useApi<{ members: Array<{ userId: string; name: string; organisation: string | null }> }>(
    '/api/directory/dbt-members',
  );
  const members = directory.data?.members ?? [];
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  // Bumped after a successful submit: the cleared fields remount, so they do not show as invalid.
  const [round, setRound] = useState(0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    void (async () => {
      try {
        await api(
          'POST',
          `/api/cases/${encodeURIComponent(caseId)}/breakthrough-sessions/${encodeURIComponent(sessionId)}/invitations`,
          { userId: userId.trim() },
        );
        setUserId('');
        setRound((r) => r + 1);
        setDone(true);
        await onInvited();
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    })();
  };
  return (
    <form className="stack-s" onSubmit={submit}>
      {error !== null && <RefusalAlert error={error} headingLevel={4} />}
      {done && (
        <p role="status" className="form-status">
          {m.invited}
        </p>
      )}
      {members.length > 0 && (
        <Field>
          <Label htmlFor={`${id}-pick`}>{m.invitePick}</Label>
          <Select
            id={`${id}-pick`}
            value={members.some((x) => x.userId === userId) ? userId : ''}
            onChange={(e) => setUserId(e.target.value)}
          >
            <Select.Option value="">{m.invitePickNone}</Select.Option>
            {members.map((x) => (
              <Select.Option key={x.userId} value={x.userId}>
                {x.name}
                {x.organisation ? ` — ${x.organisation}` : ''}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <Field>
        <Label htmlFor={`${id}-user`}>{m.inviteLabel}</Label>
        <Paragraph size="small" id={`${id}-hint`}>
          {m.inviteHint}
        </Paragraph>
        <TextInput
          id={`${id}-user`}
          key={`r${round}`}
          aria-describedby={`${id}-hint`}
          required
          autoComplete="off"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.invite}
        </Button>
      </div>
    </form>
  );
}

function SessionPlanner({
  caseId,
  sessions,
  onChanged,
}: {
  caseId: string;
  sessions: KnownSession[];
  onChanged: (created?: BreakthroughSessionView) => Promise<void>;
}) {
  const id = useId();
  const [at, setAt] = useState(() => isoToLocalInput(new Date(Date.now() + 7 * 86_400_000).toISOString()));
  const [days, setDays] = useState('90');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    void (async () => {
      try {
        const res = await api<{ session: BreakthroughSessionView }>(
          'POST',
          `/api/cases/${encodeURIComponent(caseId)}/breakthrough-sessions`,
          { scheduledAt: localInputToIso(at), followUpDays: Number(days) },
        );
        rememberSession(caseId, res.session);
        setDone(true);
        await onChanged(res.session);
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    })();
  };
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <Heading level={2} id={`${id}-title`}>
        {m.sessionTitle}
      </Heading>
      <Paragraph>{m.sessionIntro}</Paragraph>
      {error !== null && <RefusalAlert error={error} headingLevel={3} />}
      {done && (
        <p role="status" className="form-status">
          {m.sessionCreated}
        </p>
      )}
      <form className="stack" onSubmit={submit}>
        <Field>
          <Label htmlFor={`${id}-at`}>{m.scheduledAtLabel}</Label>
          <DateInput
            id={`${id}-at`}
            type="datetime-local"
            required
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
        </Field>
        <Field>
          <Label htmlFor={`${id}-days`}>{m.followUpLabel}</Label>
          <Paragraph size="small" id={`${id}-days-hint`}>
            {m.followUpHint}
          </Paragraph>
          <TextInput
            id={`${id}-days`}
            aria-describedby={`${id}-days-hint`}
            inputMode="numeric"
            pattern="[0-9]{1,3}"
            required
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </Field>
        <div>
          <Button type="submit" disabled={busy}>
            {m.createSession}
          </Button>
        </div>
      </form>
      <Heading level={3}>{m.sessionsTitle}</Heading>
      {sessions.length === 0 ? (
        <Paragraph>{m.sessionsEmpty}</Paragraph>
      ) : (
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="session" data-testid="dbt-session">
              <Heading level={4} size="level-5">
                {s.scheduledAt ? m.sessionAt(formatMoment(s.scheduledAt)) : m.sessionUnknownDate}
              </Heading>
              {s.followUpUntil && <Paragraph size="small">{m.sessionFollowUp(formatDate(s.followUpUntil))}</Paragraph>}
              <InviteForm caseId={caseId} sessionId={s.id} onInvited={() => onChanged()} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function BreakthroughPage({ caseId }: { caseId: string }) {
  const user = useUser();
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const caseRes = useApi<{ case: CaseDetail }>(base);
  const esc = useApi<EscalationResponse>(`${base}/escalation`);
  const [remembered, setRemembered] = useState(() => rememberedSessions(caseId));
  const [markError, setMarkError] = useState<unknown>(null);
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
    setMarkError(null);
    try {
      await api('POST', `${base}/commitments/${encodeURIComponent(c.id)}/met`);
    } catch (err) {
      setMarkError(err);
    }
    await esc.reload();
  };

  const loadError = caseRes.error ?? (data ? null : esc.error);

  return (
    <article className="stack breakthrough" aria-labelledby="breakthrough-title">
      <Breadcrumb>
        <Breadcrumb.Link href={paths.overview()} linkComponent={RouterLink}>
          {m.breadcrumbCases}
        </Breadcrumb.Link>
        <Breadcrumb.Link href={paths.case(caseId)} linkComponent={RouterLink}>
          {theCase ? theCase.youngPerson.name.split(' ')[0] : m.breadcrumbCase}
        </Breadcrumb.Link>
      </Breadcrumb>
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
          <Brief caseId={caseId} esc={data} nameOf={nameOf} />

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
