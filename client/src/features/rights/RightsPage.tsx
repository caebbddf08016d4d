/**
 * `/zaken/:caseId/rechten` — the rights of the young person and the parents, in plain words: what you may
 * do, how, and what happens next with the dates. Each right is one tap away from the list at the top:
 * read who looked at your dossier, download everything, add your own statement, ask for a correction,
 * ask for destruction. Professionals see what was asked and answer it. Live: re-reads on `case:changed`.
 */
import type {
  AccessLogResponse,
  CaseDetailResponse,
  CorrectionView,
  DestructionRequestView,
  RightsOverview,
  StatementView,
} from '@samenspraak/shared';
import { type ReactNode, useEffect } from 'react';
import { api } from '../../app/api';
import { useUser } from '../../app/auth';
import { CaseBreadcrumb } from '../../app/CaseBreadcrumb';
import { CaseNotLoaded } from '../../app/LoadFailed';
import { useLiveEvent } from '../../app/rooms';
import { useApi } from '../../app/useApi';
import { Blockquote, Heading, Paragraph } from '../../components/ui';
import { formatDate } from '../../dates';
import { lang, roleLabel } from '../../i18n';
import { AccessLogTable } from '../overview/AccessLogTable';
import { DossierDownload } from '../overview/DossierDownload';
import { LogPrivacy } from './LogPrivacy';
import { m } from './messages';
import { AnswerForm, CorrectionForm, DestructionForm, StatementForm } from './RightForms';
import { sectionChoices } from './sectionChoices';
import './rights.css';

const ANCHORS = ['log', 'download', 'statement', 'correction', 'destruction'] as const;
const IDS: Record<(typeof ANCHORS)[number], string> = {
  log: 'wie-keek',
  download: 'downloaden',
  statement: 'verklaring',
  correction: 'verbeteren',
  destruction: 'vernietigen',
};

function Right(props: { anchor: (typeof ANCHORS)[number]; intro: string; next?: string; children: ReactNode }) {
  const id = IDS[props.anchor];
  return (
    <section
      className="panel rights-page__right stack"
      aria-labelledby={`${id}-title`}
      id={id}
      data-testid={`right-${props.anchor}`}
    >
      <Heading level={2} size="level-3" id={`${id}-title`}>
        {m.rights[props.anchor]}
      </Heading>
      <Paragraph>{props.intro}</Paragraph>
      {props.children}
      {props.next && (
        <div className="rights-page__next">
          <Heading level={3} size="level-5">
            {m.nextTitle}
          </Heading>
          <Paragraph>{props.next}</Paragraph>
        </div>
      )}
    </section>
  );
}

function sectionTitle(detail: CaseDetailResponse['case'], document: 'analysis' | 'futurePlan', id: string): string {
  return sectionChoices(detail, document).find((s) => s.id === id)?.title[lang] ?? id;
}

function StatementItem({ s, title }: { s: StatementView; title: string }) {
  return (
    <li className="rights-item" data-testid="statement-item">
      <strong>{m.ownStatement(s.author.name)}</strong>{' '}
      <span className="muted">
        ({roleLabel(s.author.role)}, {formatDate(s.createdAt)})
      </span>
      <Paragraph size="small">
        {m.docs[s.document]} — {title}
      </Paragraph>
      {s.passage && <Blockquote>{s.passage}</Blockquote>}
      <Paragraph>{s.text}</Paragraph>
    </li>
  );
}

function CorrectionItem(props: { c: CorrectionView; title: string; decides: boolean; caseId: string; onDone(): void }) {
  const { c } = props;
  return (
    <li className="rights-item" data-testid="correction-item">
      <strong>{m.askedBy(c.requestedBy.name, formatDate(c.requestedAt))}</strong>
      <Paragraph size="small">
        {m.docs[c.document]} — {props.title}
      </Paragraph>
      {c.passage && <Blockquote>{c.passage}</Blockquote>}
      <Paragraph>{c.what}</Paragraph>
      <Paragraph size="small">
        {m.whyLabel} {c.why}
      </Paragraph>
      {c.decision ? (
        <Paragraph>
          <strong>{c.decision === 'accepted' ? m.accepted : m.declined}</strong> —{' '}
          {m.answeredBy(c.decidedBy ?? '', formatDate(c.decidedAt ?? c.requestedAt))}: {c.answer}
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            <strong>{m.answerBy(formatDate(c.dueBy))}</strong>
          </Paragraph>
          {props.decides && (
            <AnswerForm
              idPrefix={`correction-${c.id}`}
              label={m.answerLabel}
              yes={m.accept}
              no={m.decline}
              reasonForYes
              send={async (decision, answer) => {
                await api(
                  'POST',
                  `/api/cases/${encodeURIComponent(props.caseId)}/corrections/${encodeURIComponent(c.id)}/decision`,
                  {
                    decision: decision === 'yes' ? 'accepted' : 'declined',
                    answer,
                  },
                );
                props.onDone();
              }}
            />
          )}
        </>
      )}
    </li>
  );
}

function DestructionItem(props: { r: DestructionRequestView; decides: boolean; caseId: string; onDone(): void }) {
  const { r } = props;
  return (
    <li className="rights-item" data-testid="destruction-item">
      <strong>{formatDate(r.requestedAt)}</strong>
      <Paragraph>
        {r.decision === 'approved'
          ? m.destructionApproved
          : r.decision === 'refused'
            ? m.destructionRefused(r.motivation ?? '')
            : m.destructionOpen(formatDate(r.dueBy))}
      </Paragraph>
      {props.decides && r.decision === null && (
        <AnswerForm
          idPrefix={`destruction-${r.id}`}
          label={m.motivationLabel}
          yes={m.approve}
          no={m.refuse}
          reasonForYes={false}
          send={async (decision, motivation) => {
            await api(
              'POST',
              `/api/cases/${encodeURIComponent(props.caseId)}/destruction-requests/${encodeURIComponent(r.id)}/decision`,
              {
                decision: decision === 'yes' ? 'approved' : 'refused',
                ...(motivation ? { motivation } : {}),
              },
            );
            props.onDone();
          }}
        />
      )}
    </li>
  );
}

export function RightsPage({ caseId }: { caseId: string }) {
  const user = useUser();
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const detail = useApi<CaseDetailResponse>(base);
  const c = detail.data?.case ?? null;
  const rights = useApi<RightsOverview>(c ? `${base}/rights` : null);
  const log = useApi<AccessLogResponse>(c ? `${base}/access-log` : null);
  const r = rights.data;

  useLiveEvent('case:changed', (e) => {
    if (e !== null && e.caseId !== caseId) return;
    void rights.reload();
    void log.reload();
  });

  const firstName = c ? (c.youngPerson.name.trim().split(/\s+/)[0] ?? '') : '';
  const young = c?.myRole === 'jeugdige';
  const parent = c?.myRole === 'ouder';
  const title = young ? m.titleYoung : parent ? m.titleParent : m.titlePro(firstName);
  useEffect(() => {
    document.title = `${c ? title : m.loading} — Samenspraak`;
  }, [c, title]);

  const breadcrumb = (
    <CaseBreadcrumb casesLabel={m.breadcrumbCases} toCase={c ? { caseId, label: firstName } : undefined} />
  );
  // Arriving from a link with an anchor (the document page's "say something about this part").
  const loaded = !!r;
  useEffect(() => {
    if (loaded && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded]);

  if (!c) return <CaseNotLoaded resource={detail} texts={m} breadcrumb={breadcrumb} />;
  if (!r) return <CaseNotLoaded resource={rights} texts={m} breadcrumb={breadcrumb} />;

  const reload = () => {
    void rights.reload();
    void log.reload();
  };
  const client = young || parent;
  const notYours = (right: 'export' | 'correction' | 'destruction') =>
    parent ? (right === 'export' ? m.notYoursParentExport : m.notYoursParent16) : m.notYours;
  const titleOf = (d: 'analysis' | 'futurePlan', id: string) => sectionTitle(c, d, id);

  return (
    <article className="stack rights-page" aria-labelledby="rights-title">
      {breadcrumb}
      <header className="stack">
        <Heading level={1} id="rights-title">
          {title}
        </Heading>
        <Paragraph>{young ? m.introYoung : parent ? m.introParent : m.introPro}</Paragraph>
      </header>

      {client && (
        <nav aria-labelledby="rights-jump" className="rights-page__jump">
          <Heading level={2} size="level-4" id="rights-jump">
            {m.jumpTitle}
          </Heading>
          <ul className="rights-page__links">
            {ANCHORS.map((a) => (
              <li key={a}>
                <a href={`#${IDS[a]}`} className="rights-page__link">
                  {m.rights[a]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <Right anchor="log" intro={m.logIntro}>
        {log.data &&
          (log.data.entries.length === 0 ? (
            <Paragraph>{m.logEmpty}</Paragraph>
          ) : (
            <AccessLogTable entries={log.data.entries} me={{ name: user.name, role: c.myRole }} />
          ))}
        {r.rights.logPrivacy && (
          <div className="stack" data-testid="log-privacy">
            <Heading level={3} size="level-5">
              {m.privacyTitle}
            </Heading>
            <LogPrivacy caseId={caseId} allowed={r.parentsSeeMyActivity} onChanged={reload} />
          </div>
        )}
        {parent && c.youngPerson.age >= 12 && !r.parentsSeeMyActivity && <Paragraph>{m.privacyParent}</Paragraph>}
      </Right>

      <Right anchor="download" intro={m.downloadIntro} next={r.rights.export ? m.downloadNext : undefined}>
        {r.rights.export ? (
          <DossierDownload caseId={caseId} onDone={reload} />
        ) : (
          client && <Paragraph>{notYours('export')}</Paragraph>
        )}
      </Right>

      <Right anchor="statement" intro={m.statementIntro} next={r.rights.statement ? m.statementNext : undefined}>
        {r.rights.statement && <StatementForm caseId={caseId} detail={c} onDone={reload} />}
        <Heading level={3} size="level-5">
          {m.statementsTitle}
        </Heading>
        {r.statements.length === 0 ? (
          <Paragraph>{m.statementsNone}</Paragraph>
        ) : (
          <ul className="plain-list stack">
            {r.statements.map((s) => (
              <StatementItem key={s.id} s={s} title={titleOf(s.document, s.section)} />
            ))}
          </ul>
        )}
      </Right>

      <Right
        anchor="correction"
        intro={m.correctionIntro}
        next={r.rights.correction ? m.correctionNext(formatDate(r.terms.correctionBy)) : undefined}
      >
        {r.rights.correction ? (
          <CorrectionForm caseId={caseId} detail={c} onDone={reload} />
        ) : (
          client && <Paragraph>{notYours('correction')}</Paragraph>
        )}
        <Heading level={3} size="level-5">
          {m.correctionsTitle}
        </Heading>
        {r.corrections.length === 0 ? (
          <Paragraph>{m.correctionsNone}</Paragraph>
        ) : (
          <ul className="plain-list stack">
            {r.corrections.map((x) => (
              <CorrectionItem
                key={x.id}
                c={x}
                title={titleOf(x.document, x.section)}
                decides={r.decides}
                caseId={caseId}
                onDone={reload}
              />
            ))}
          </ul>
        )}
      </Right>

      <Right
        anchor="destruction"
        intro={m.destructionIntro}
        next={r.rights.destruction ? m.destructionNext(formatDate(r.terms.destructionBy)) : undefined}
      >
        {r.rights.destruction ? (
          <DestructionForm caseId={caseId} onDone={reload} />
        ) : (
          client && <Paragraph>{notYours('destruction')}</Paragraph>
        )}
        {r.destructionRequests.length > 0 && (
          <>
            <Heading level={3} size="level-5">
              {m.destructionsTitle}
            </Heading>
            <ul className="plain-list stack">
              {r.destructionRequests.map((x) => (
                <DestructionItem key={x.id} r={x} decides={r.decides} caseId={caseId} onDone={reload} />
              ))}
            </ul>
          </>
        )}
      </Right>
    </article>
  );
}
