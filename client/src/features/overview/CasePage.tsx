/**
 * `/zaken/:caseId` — one case: the young person (first name, age), the RET step, the documents, clocks
 * and commitments (professionals), meetings, the team, the access log ("Wie heeft mijn dossier
 * bekeken"), and what the reader may do here: invite (professionals), parents' access (the young person
 * from 16), download the complete dossier (the young person, the responsible behavioural scientist).
 * Live: joins the case room and re-reads what a `case:changed` concerns.
 */

import type { AccessLogResponse, CaseDetailResponse, MeetingsResponse } from '@samenspraak/shared';
import {
  atLeast,
  CASE_STATUSES,
  type CaseDetail,
  CLIENT_ROLES,
  CLOSED_STATUS,
  type DocumentType,
  type EscalationResponse,
  INVITED_ROLES,
  type Permission,
} from '@samenspraak/shared';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useUser } from '../../app/auth';
import { CaseBreadcrumb } from '../../app/CaseBreadcrumb';
import { errorText } from '../../app/errorText';
import { CaseNotLoaded } from '../../app/LoadFailed';
import { useCaseRooms, useLiveEvent } from '../../app/rooms';
import { paths, RouterLink } from '../../app/router';
import { useApi } from '../../app/useApi';
import { Heading, LinkList, Paragraph, StandaloneLink } from '../../components/ui';
import { formatDate, shortMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { HelpDisagreements } from '../decisions/HelpDisagreements';
import { JointRisks } from '../decisions/JointRisks';
import { PlacementDecisions } from '../decisions/PlacementDecisions';
import { EscalationPanel } from '../escalation/EscalationPanel';
import { FamilyEscalation } from '../escalation/FamilyEscalation';
import { ScheduleMeeting } from '../meetings/ScheduleMeeting';
import { byUrgency } from '../notifications/notificationOrder';
import { m as rm } from '../rights/messages';
import { AccessLogTable } from './AccessLogTable';
import { ClockItem } from './Clock';
import { DossierDownload } from './DossierDownload';
import { FactsPanel } from './FactsPanel';
import { InviteForm } from './InviteForm';
import { m } from './messages';
import { ParentsConsent } from './ParentsConsent';
import { FUTURE_PLAN_AGE, readsEscalation } from './shared';
import { TeamPanel } from './TeamPanel';
import { useNow } from './useNow';
import './overview.css';

/** The strongest permission on any section of a document: what the reader can do there. */
function documentPermission(detail: CaseDetail, type: DocumentType): Permission {
  let best: Permission = 'none';
  for (const p of Object.values(detail.effectiveSections[type] ?? {})) if (atLeast(p, best)) best = p;
  return best;
}

function Panel(props: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="panel case-page__panel" aria-labelledby={props.id} data-testid={props.testId}>
      <Heading level={2} size="level-3" id={props.id}>
        {props.title}
      </Heading>
      {props.children}
    </section>
  );
}

export function CasePage({ caseId }: { caseId: string }) {
  const user = useUser();
  const now = useNow();
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const detail = useApi<CaseDetailResponse>(base);
  const c = detail.data?.case ?? null;
  const role = c?.myRole ?? null;
  const readsLadder = role !== null && readsEscalation(role);
  const escalation = useApi<EscalationResponse>(readsLadder ? `${base}/escalation` : null);
  const meetings = useApi<MeetingsResponse>(c ? `${base}/meetings` : null);
  const log = useApi<AccessLogResponse>(c ? `${base}/access-log` : null);

  useCaseRooms(c ? [caseId] : []);

  // Bumped on a live change, so the recorded clock facts are read again too.
  const [factsVersion, setFactsVersion] = useState(0);
  // Several events in a burst (a meeting ending touches meetings, escalation, the case) → one re-read each.
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const schedule = (kind: string) => {
    pending.current.add(kind);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      const kinds = pending.current;
      pending.current = new Set();
      timer.current = null;
      if (kinds.has('case')) void detail.reload();
      if (kinds.has('meetings') || kinds.has('case')) void meetings.reload();
      if (kinds.has('escalation') || kinds.has('commitments') || kinds.has('case')) {
        void escalation.reload();
        setFactsVersion((v) => v + 1);
      }
      void log.reload();
    }, 300);
  };
  useLiveEvent('case:changed', (e) => {
    if (e === null) schedule('case');
    else if (e.caseId === caseId && e.kind !== 'comments') schedule(e.kind);
  });

  useEffect(() => {
    document.title = `${c ? m.caseTitle(c.youngPerson.name.split(/\s+/)[0] ?? '') : m.loading} — Samenspraak`;
  }, [c]);

  if (!c)
    return <CaseNotLoaded resource={detail} texts={m} breadcrumb={<CaseBreadcrumb casesLabel={m.breadcrumbCases} />} />;

  const firstName = c.youngPerson.name.trim().split(/\s+/)[0] ?? '';
  const isYoungPerson = c.myRole === 'jeugdige';
  const isClient = CLIENT_ROLES.includes(c.myRole);
  const mayPlanMeetings = !isClient && c.myRole !== 'dbt-lid' && c.myRole !== 'clientondersteuner';
  const isResponsible = c.myRole === 'gedragswetenschapper' && c.responsibleScientistId === user.id;
  // The server says whom this person may invite (its one table); the young person only while the case has none.
  const hasYoungPerson = c.participants.some((p) => p.role === 'jeugdige');
  const invitable = INVITED_ROLES.filter((r) => c.mayInvite.includes(r) && !(r === 'jeugdige' && hasYoungPerson));
  const step = CASE_STATUSES.indexOf(c.status) + 1;
  const meetingList = meetings.data ? meetings.data.meetings : null;
  const notices = [...(escalation.data?.notices ?? [])].sort(byUrgency);
  const commitments = (escalation.data?.commitments ?? []).filter((x) => x.status !== 'met');
  const documents: Array<{ type: 'analysis' | 'futurePlan'; title: string; about: string }> = [
    { type: 'analysis', title: m.analysisTitle, about: m.analysisAbout },
  ];
  if (c.youngPerson.age >= FUTURE_PLAN_AGE)
    documents.push({ type: 'futurePlan', title: m.futurePlanTitle, about: m.futurePlanAbout });

  return (
    <article className="stack case-page" aria-labelledby="case-title">
      <CaseBreadcrumb casesLabel={m.breadcrumbCases} />
      <header className="stack">
        <Heading level={1} id="case-title">
          {m.caseTitle(firstName)}
        </Heading>
        <Paragraph className="case-page__meta">
          <span>{m.ageYears(c.youngPerson.age)}</span>
          <span>
            {m.municipality} {c.youngPerson.municipality}
          </span>
          <span>
            {m.region} {c.region}
          </span>
          <span>
            {m.myRole}: {roleLabel(c.myRole)}
          </span>
        </Paragraph>
        <Paragraph>
          <strong>{m.statuses[c.status] ?? c.status}</strong>{' '}
          <span className="muted">({m.stepOf(step, CASE_STATUSES.length)})</span>. {m.statusExplained[c.status]}
        </Paragraph>
      </header>

      <div className="case-page__layout">
        <div className="stack">
          <Panel id="documents-title" title={m.documentsTitle} testId="documents">
            <ul className="case-page__documents">
              {documents.map((d) => {
                const p = documentPermission(c, d.type);
                return (
                  <li key={d.type} className="case-page__document">
                    <Heading level={3} size="level-4">
                      {d.title}
                    </Heading>
                    <Paragraph size="small">{d.about}</Paragraph>
                    <Paragraph size="small">
                      <strong>{m.permission[p]}</strong>
                    </Paragraph>
                    {p !== 'none' && (
                      <StandaloneLink linkComponent={RouterLink} href={paths.document(c.id, d.type)}>
                        {m.openDocument(d.title)}
                      </StandaloneLink>
                    )}
                  </li>
                );
              })}
            </ul>
            {c.youngPerson.age < FUTURE_PLAN_AGE && <Paragraph size="small">{m.futurePlanFrom16}</Paragraph>}
          </Panel>

          {escalation.data && (
            <Panel id="clocks-title" title={m.clocksTitle} testId="clocks">
              <Paragraph>
                {m.escalationLevel}: <strong>{m.levels[escalation.data.level] ?? escalation.data.level}</strong>
              </Paragraph>
              {escalation.data.level === 'dbt' && (
                <StandaloneLink linkComponent={RouterLink} href={paths.breakthrough(c.id)}>
                  {m.breakthroughLink}
                </StandaloneLink>
              )}
              {notices.length === 0 ? (
                <Paragraph>{m.noClocks}</Paragraph>
              ) : (
                <ul className="plain-list clock-list">
                  {notices.map((n) => (
                    <ClockItem key={n.kind} notice={n} now={now} />
                  ))}
                </ul>
              )}
              <FactsPanel
                caseId={c.id}
                role={c.myRole}
                version={factsVersion}
                onDone={() => {
                  void escalation.reload();
                  void log.reload();
                }}
              />
              {commitments.length > 0 && (
                <>
                  <Heading level={3} size="level-5">
                    {m.openCommitments}
                  </Heading>
                  <ul className="plain-list clock-list">
                    {commitments.map((x) => (
                      <li key={x.id} className={`clock clock--${x.status === 'overdue' ? 'urgent' : 'info'}`}>
                        <span className="clock__what">
                          {m.commitmentDue(x.organisation, x.what, formatDate(x.dueAt))}
                        </span>
                        {x.status === 'overdue' && <strong className="clock-chip--urgent">{m.commitmentLate}</strong>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Panel>
          )}

          {meetingList && (
            <Panel id="meetings-title" title={m.meetingsTitle} testId="meetings">
              {meetingList.length === 0 ? (
                <Paragraph>{m.meetingsNone}</Paragraph>
              ) : (
                <LinkList>
                  {[...meetingList]
                    .sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt))
                    .map((x) => (
                      <LinkList.Link key={x.id} linkComponent={RouterLink} href={paths.meeting(c.id, x.id)}>
                        {x.title} — {shortMoment(x.scheduledAt)} ({m.meetingStatus[x.status] ?? x.status})
                      </LinkList.Link>
                    ))}
                </LinkList>
              )}
              {mayPlanMeetings && (
                <details className="case-page__plan">
                  <summary>{m.planMeeting}</summary>
                  <ScheduleMeeting caseId={c.id} participants={c.participants} headingLevel={3} showHeading={false} />
                </details>
              )}
            </Panel>
          )}

          {/* Placement decisions rest on the signed-off analysis (decisions work); everyone on the case reads them. */}
          <PlacementDecisions detail={c} />
          <JointRisks detail={c} />
          <HelpDisagreements detail={c} />
          {/* The young person and the parents: the escalation in plain words (decisions work, SECURITY.md). */}
          {isClient && <FamilyEscalation caseId={c.id} headingLevel={2} />}
          {!isClient && (
            <EscalationPanel
              caseId={c.id}
              detail={c}
              headingLevel={2}
              escalation={readsLadder ? escalation : undefined}
            />
          )}
        </div>

        <div className="stack">
          {/* The rights page (features/rights): what the young person and parents may do, and what they asked. */}
          <Panel
            id="rights-title"
            title={isYoungPerson ? rm.titleYoung : isClient ? rm.titleParent : rm.rightsLinkPro}
            testId="rights-link"
          >
            <StandaloneLink linkComponent={RouterLink} href={paths.rights(c.id)}>
              {isClient ? rm.rightsLink : rm.rightsLinkPro}
            </StandaloneLink>
          </Panel>
          {(isYoungPerson || isResponsible) && (
            <Panel
              id="download-title"
              title={isYoungPerson ? m.downloadTitleYoung : m.downloadTitle}
              testId="dossier-download"
            >
              <Paragraph>{isYoungPerson ? m.downloadIntro : m.downloadIntroScientist}</Paragraph>
              <DossierDownload caseId={c.id} onDone={() => void log.reload()} />
            </Panel>
          )}

          {isYoungPerson && c.youngPerson.age >= FUTURE_PLAN_AGE && (
            <Panel id="consent-title" title={m.consentTitle} testId="parents-consent">
              <ParentsConsent
                caseId={c.id}
                consent={c.parentsConsent}
                onChanged={() => {
                  void detail.reload();
                  void log.reload();
                }}
              />
            </Panel>
          )}

          {invitable.length > 0 && c.status !== CLOSED_STATUS && (
            <Panel id="invite-title" title={m.inviteTitle} testId="invite">
              <InviteForm
                caseId={c.id}
                roles={invitable}
                youngPersonName={c.youngPerson.name}
                onDone={() => void log.reload()}
              />
            </Panel>
          )}
        </div>
      </div>

      <Panel id="team-title" title={m.teamTitle} testId="team">
        <TeamPanel
          c={c}
          me={user.id}
          onChanged={() => {
            void detail.reload();
            void log.reload();
          }}
        />
      </Panel>

      {(log.data || (log.error && log.error.status !== 403)) && (
        <Panel id="log-title" title={isYoungPerson ? m.logTitleYoung : m.logTitle} testId="access-log-panel">
          <Paragraph>{m.logIntro}</Paragraph>
          {log.error && <Paragraph>{errorText(log.error)}</Paragraph>}
          {log.data &&
            (log.data.entries.length === 0 ? (
              <Paragraph>{m.logEmpty}</Paragraph>
            ) : (
              <AccessLogTable entries={log.data.entries} me={{ name: user.name, role: c.myRole }} />
            ))}
        </Panel>
      )}
    </article>
  );
}
