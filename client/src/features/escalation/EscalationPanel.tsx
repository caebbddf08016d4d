/**
 * Escalation on a case (domain brief §5): the ladder lokaal → RET → BEN-NH → Doorbraakteam with where the
 * case stands, every step so far (who decided, the bottleneck, what was tried, when, the analysis it
 * carried), the running clocks, and — for the roles that decide — a form to escalate, scale down or close.
 * The server decides; its refusals are shown as they come. Exported for the case page.
 */

import type { CaseDetailResponse } from '@samenspraak/shared';
import {
  type CaseDetail,
  CLIENT_ROLES,
  ESCALATION_LEVELS,
  type EscalationResponse,
  type EscalationStepView,
  type EscalationTarget,
} from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { AppLink, paths } from '../../app/router';
import { type ApiResource, useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { Alert, Button, FieldSet, Heading, LabelledField, Paragraph, Radio, TextArea } from '../../components/ui';
import { formatDate, formatMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { noticeKindLabel } from '../notifications/messages';
import { FamilyEscalation } from './FamilyEscalation';
import { choiceKey, type LadderChoice, ladderChoices, measureClockOverdue, rank } from './ladder';
import { levelLabel, m } from './messages';
import { RefusalAlert } from './RefusalAlert';
import { useCaseLive } from './useCaseLive';
import './escalation.css';

export interface EscalationPanelProps {
  caseId: string;
  /** The case, when the page already loaded it (names of deciders, my role); otherwise it is loaded. */
  detail?: CaseDetail | null;
  /** Level of the panel's heading (2 on its own page section, 3 inside another section). */
  headingLevel?: 2 | 3;
  /** Show the form to take a step (default true). */
  showForm?: boolean;
  /** Called after a step was recorded (the page may re-read what depends on the level). */
  onChanged?: () => void;
  /**
   * The case's escalation, when the page already loads it (and re-reads it on live events): the panel
   * then shows that instead of fetching and following it a second time.
   */
  escalation?: ApiResource<EscalationResponse>;
}

function choiceLabel(c: LadderChoice): string {
  switch (c.direction) {
    case 'up':
      return m.choiceUp(levelLabel(c.to));
    case 'doorbraakaanpak':
      return m.choiceDoorbraakaanpak;
    case 'down':
      return m.choiceDown(levelLabel(c.to));
    case 'close':
      return m.choiceClose;
  }
}

export function LadderView({ level }: { level: EscalationResponse['level'] }) {
  const current = level === 'gesloten' ? -1 : rank(level);
  return (
    <div className="ladder">
      <ol className="ladder__steps" aria-label={m.ladderLabel}>
        {ESCALATION_LEVELS.map((l, i) => {
          const state = i === current ? 'current' : i < current ? 'passed' : 'ahead';
          return (
            <li
              key={l}
              className={`ladder__step ladder__step--${state}`}
              aria-current={i === current ? 'step' : undefined}
            >
              <span className="ladder__name">{levelLabel(l)}</span>
              <span className="ladder__hint">{m.levelHints[l]}</span>
              {i === current && <span className="ladder__now">{m.currentLevel}</span>}
            </li>
          );
        })}
      </ol>
      <Paragraph>
        {level === 'gesloten' ? (
          m.closedNote
        ) : (
          <>
            {m.currentIs} <strong>{levelLabel(level)}</strong>.
          </>
        )}
      </Paragraph>
    </div>
  );
}

function StepItem({
  step,
  nameOf,
  caseId,
  headingLevel,
}: {
  step: EscalationStepView;
  nameOf: (id: string) => string | null;
  caseId: string;
  headingLevel: 3 | 4;
}) {
  const who = nameOf(step.decidedBy);
  return (
    <li className="esc-step">
      <Heading level={headingLevel} size="level-5">
        {m.stepTitle(levelLabel(step.from), levelLabel(step.to))}
      </Heading>
      <dl className="facts">
        <div>
          <dt>{m.decidedBy}</dt>
          <dd>
            {who ? `${who} · ` : ''}
            {roleLabel(step.decidedByRole)}, <time dateTime={step.decidedAt}>{formatMoment(step.decidedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.bottleneck}</dt>
          <dd className="pre-line">{step.bottleneck}</dd>
        </div>
        <div>
          <dt>{m.tried}</dt>
          <dd className="pre-line">{step.tried}</dd>
        </div>
        {step.doorbraakaanpak && (
          <div>
            <dt>{m.doorbraakaanpakTag}</dt>
            <dd>✓</dd>
          </div>
        )}
        <div>
          <dt>{m.analysisSnapshot}</dt>
          <dd>
            {step.analysisVersion ? (
              <details className="esc-analysis">
                <summary>
                  {m.analysisVersionOf(step.analysisVersion.name, formatDate(step.analysisVersion.signedOffAt))}
                </summary>
                {step.analysisVersion.sections.length === 0 ? (
                  <Paragraph>{m.analysisVersionEmpty}</Paragraph>
                ) : (
                  step.analysisVersion.sections.map((sec) => (
                    <div key={sec.title} className="stack-s">
                      <strong>{sec.title}</strong>
                      <Paragraph className="pre-line">{sec.text}</Paragraph>
                    </div>
                  ))
                )}
              </details>
            ) : step.analysisSnapshot ? (
              <AppLink to={paths.document(caseId, 'analysis')}>
                {m.briefAnalysisLink} ({m.snapshotVersion(step.analysisSnapshot.version)})
              </AppLink>
            ) : (
              m.noSnapshot
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function EscalationPanel({
  caseId,
  detail,
  headingLevel = 2,
  showForm = true,
  onChanged,
  escalation,
}: EscalationPanelProps) {
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const caseRes = useApi<CaseDetailResponse>(detail === undefined ? base : null);
  const theCase = detail ?? caseRes.data?.case ?? null;
  const own = useApi<EscalationResponse>(escalation ? null : `${base}/escalation`);
  const esc = escalation ?? own;
  useCaseLive(escalation ? null : caseId, ['escalation', 'commitments', 'case'], () => void own.reload());

  const formId = useId();
  const [to, setTo] = useState<string>('');
  const [bottleneck, setBottleneck] = useState('');
  const [tried, setTried] = useState('');
  const { busy, failure: refusal, done: saved, submit: run } = useSubmit();
  // Bumped after a successful submit: the cleared fields remount, so they do not show as invalid.
  const [round, setRound] = useState(0);

  const sub = (headingLevel + 1) as 3 | 4;
  const titleId = `${formId}-title`;
  const isClient = theCase ? CLIENT_ROLES.includes(theCase.myRole) : false;

  const nameOf = (userId: string) => theCase?.participants.find((p) => p.userId === userId)?.name ?? null;

  // The young person and the parents see the escalation in plain words (SECURITY.md: what they see).
  if (isClient) return <FamilyEscalation caseId={caseId} headingLevel={headingLevel} />;

  const data = esc.data;
  const choices =
    data && theCase
      ? ladderChoices(data.level, theCase.myRole, {
          measureClockOverdue: measureClockOverdue(data.notices),
          mayScaleDown: data.mayScaleDown,
          analysisSignedOff: data.analysisSignedOff,
        })
      : [];
  const allowed = choices.filter((c) => c.allowed);
  const blocked = choices.filter((c) => !c.allowed);
  const first = allowed[0];
  const selected = allowed.some((c) => choiceKey(c) === to) ? to : first ? choiceKey(first) : '';
  const chosen = allowed.find((c) => choiceKey(c) === selected);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const target: EscalationTarget = chosen.to;
    void run(
      async (done) => {
        await api('POST', `${base}/escalation`, {
          to: target,
          bottleneck,
          tried,
          ...(chosen.direction === 'doorbraakaanpak' ? { doorbraakaanpak: true } : {}),
        });
        setBottleneck('');
        setRound((r) => r + 1);
        setTried('');
        setTo('');
        done();
        onChanged?.();
      },
      // Re-read the ladder after a refusal too: it may have moved meanwhile.
      { settle: esc.reload },
    );
  };

  return (
    <section className="escalation stack" aria-labelledby={titleId}>
      <Heading level={headingLevel} id={titleId}>
        {m.panelTitle}
      </Heading>
      <Paragraph>{m.panelIntro}</Paragraph>
      {esc.error && !data && (
        <Alert heading={m.loadFailed} headingLevel={sub} severity="error">
          <Paragraph>{esc.error.status === 403 ? m.refusals.forbidden : errorText(esc.error)}</Paragraph>
          <Button variant="secondary" onClick={() => void esc.reload()}>
            {m.retry}
          </Button>
        </Alert>
      )}
      {!data && !esc.error && <Paragraph>{m.loading}</Paragraph>}
      {data && (
        <>
          <LadderView level={data.level} />

          {data.notices.length > 0 && (
            <div className="stack-s">
              <Heading level={sub} size="level-4">
                {m.clocksTitle}
              </Heading>
              <ul className="esc-clock-list">
                {data.notices.map((n) => (
                  <li key={`${n.kind}-${n.dueAt}`} className={`esc-clock esc-clock--${n.severity}`}>
                    <span className="esc-clock__tag">{n.overdue ? m.overdue : m.dueOn}</span>{' '}
                    <span>{noticeKindLabel(n.kind)}</span> — <time dateTime={n.dueAt}>{formatDate(n.dueAt)}</time>
                  </li>
                ))}
              </ul>
            </div>
          )}

          {data.westFriesland && (
            <div className="stack-s" data-testid="west-friesland-clock">
              <Heading level={sub} size="level-4">
                {m.wfTitle}
              </Heading>
              <ul className="esc-clock-list">
                <li className={`esc-clock esc-clock--${data.westFriesland.contactOverdue ? 'warning' : 'info'}`}>
                  {m.wfContact(formatDate(data.westFriesland.contactDueAt))}
                </li>
                <li className={`esc-clock esc-clock--${data.westFriesland.escalationOverdue ? 'urgent' : 'info'}`}>
                  {m.wfEscalation(formatDate(data.westFriesland.escalationDueAt))}
                </li>
              </ul>
            </div>
          )}

          <div className="stack-s">
            <Heading level={sub} size="level-4">
              {m.historyTitle}
            </Heading>
            {data.history.length === 0 ? (
              <Paragraph>{m.historyEmpty}</Paragraph>
            ) : (
              <ol className="plain-list esc-step-list" reversed>
                {[...data.history].reverse().map((step) => (
                  <StepItem key={step.id} step={step} nameOf={nameOf} caseId={caseId} headingLevel={4} />
                ))}
              </ol>
            )}
          </div>

          {showForm && theCase && (
            <div className="stack-s escalation__form">
              <Heading level={sub} size="level-4">
                {m.formTitle}
              </Heading>
              {saved && <Alert heading={m.saved} headingLevel={4} severity="success" role="status" />}
              {refusal !== null && <RefusalAlert error={refusal} headingLevel={4} />}
              {allowed.length > 0 ? (
                <form className="stack" onSubmit={submit} aria-labelledby={titleId}>
                  <FieldSet legend={m.formChoose}>
                    <div className="stack-s">
                      {allowed.map((c) => (
                        <Radio
                          key={`${c.direction}-${c.to}`}
                          name={`${formId}-to`}
                          value={choiceKey(c)}
                          checked={selected === choiceKey(c)}
                          onChange={() => setTo(choiceKey(c))}
                        >
                          {choiceLabel(c)}
                        </Radio>
                      ))}
                    </div>
                  </FieldSet>
                  <LabelledField id={`${formId}-bottleneck`} label={m.bottleneckLabel} hint={m.bottleneckHint}>
                    <TextArea
                      id={`${formId}-bottleneck`}
                      key={`r${round}`}
                      aria-describedby={`${formId}-bottleneck-hint`}
                      required
                      rows={3}
                      maxLength={4000}
                      value={bottleneck}
                      onChange={(e) => setBottleneck(e.target.value)}
                    />
                  </LabelledField>
                  <LabelledField id={`${formId}-tried`} label={m.triedLabel} hint={m.triedHint}>
                    <TextArea
                      id={`${formId}-tried`}
                      key={`r${round}`}
                      aria-describedby={`${formId}-tried-hint`}
                      required
                      rows={3}
                      maxLength={4000}
                      value={tried}
                      onChange={(e) => setTried(e.target.value)}
                    />
                  </LabelledField>
                  <div>
                    <Button type="submit" disabled={busy}>
                      {busy ? m.submitting : m.submit}
                    </Button>
                  </div>
                </form>
              ) : (
                <Paragraph>{m.noChoices}</Paragraph>
              )}
              {blocked.length > 0 && (
                <ul className="blocked-list">
                  {blocked.map((c) => (
                    <li key={`${c.direction}-${c.to}`}>
                      <strong>{choiceLabel(c)}:</strong>{' '}
                      {c.blockedBy === 'commitments'
                        ? m.blockedCommitments
                        : c.blockedBy === 'analysis'
                          ? m.blockedAnalysis
                          : c.mayPropose
                            ? m.mayPropose
                            : m.blockedRole}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
