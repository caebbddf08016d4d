/**
 * The sign-off of a document (002 h1: "gedragen", "binnen 6 weken", "mijlpalen en overgangen"): the
 * 6-week clock (running or stopped), "analyse aangevraagd", update requests at milestones, what the
 * sign-off still needs, the facts a professional records for it, the dissent shown next to it, and the
 * responsible behavioural scientist's button. The server checks all of it again; this only shows it.
 */
import {
  type DocumentType,
  type EndorsementView,
  SECTIONS,
  type SignOffResponse,
  type SignOffStatus,
} from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { PanelStatus } from '../../components/PanelStatus';
import {
  Blockquote,
  Button,
  Checkbox,
  DateInput,
  Heading,
  LabelledField,
  Paragraph,
  TextArea,
  TextInput,
  UnorderedList,
} from '../../components/ui';
import { formatDate } from '../../dates';
import { lang, roleLabel } from '../../i18n';
import { ConfirmDialog } from './Modal';
import { m } from './messages';

export function SignOffPanel(props: {
  documentId: string;
  type: DocumentType;
  status: SignOffStatus | null;
  endorsements: EndorsementView[];
  /** A professional on the case: records the request and the facts. */
  professional: boolean;
  maySignOff: boolean;
  askedCount: number;
  onChanged(): void;
  onSignedOff(): void;
}) {
  const { status, type } = props;
  const ids = useId();
  const base = `/api/documents/${encodeURIComponent(props.documentId)}`;
  const { busy, error, submit } = useSubmit();
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [childView, setChildView] = useState(false);
  const [who, setWho] = useState('');
  const [when, setWhen] = useState('');
  const isAnalysis = type === 'analysis';
  const dissent = props.endorsements.filter((e) => e.stance !== 'agree');
  const agreeing = props.endorsements.filter((e) => e.stance !== 'disagree' && !e.outdatedAt).length;
  const titleOf = (id: string) => SECTIONS[type].find((s) => s.id === id)?.title[lang] ?? id;

  const run = (action: () => Promise<void>, done: string) =>
    void submit(async () => {
      await action();
      setMessage(done);
      props.onChanged();
    });

  const request = () => run(() => api('POST', `${base}/analysis-request`, {}).then(() => undefined), m.requested);
  const recordFact = (e: FormEvent, body: Record<string, unknown>) => {
    e.preventDefault();
    run(() => api('PUT', `${base}/sign-off-facts`, body).then(() => undefined), m.factSaved);
  };
  const signOff = () =>
    submit(async () => {
      try {
        if (!status) return;
        const res = await api<SignOffResponse>('POST', `${base}/sign-off`, { versionHash: status.currentHash });
        setMessage(m.signedOff(res.version.name));
      } finally {
        setConfirming(false);
        props.onSignedOff();
      }
    });

  if (!status) return null;
  // The text as shown is the text last signed off: nothing new to sign off until it changes.
  const signedAsShown = status.signedOff !== null && status.signedOff.hash === status.currentHash;
  const clock = status.clock;
  return (
    <div className="stack doc-panel__signoff" data-testid="sign-off-panel">
      {clock && (
        <div data-testid="analysis-clock" data-state={clock.stoppedAt ? 'stopped' : 'running'}>
          <Heading level={3} size="level-4">
            {m.clockTitle}
          </Heading>
          <Paragraph size="small">
            {clock.stoppedAt
              ? m.clockStopped(formatDate(clock.stoppedAt))
              : m.clockRunning(formatDate(clock.startedAt), formatDate(clock.dueAt), clock.requestedAt !== null)}
          </Paragraph>
          {props.professional && clock.requestedAt === null && !clock.stoppedAt && (
            <>
              <Paragraph size="small" className="muted">
                {m.requestHint}
              </Paragraph>
              <Button variant="secondary" onClick={request} disabled={busy}>
                {m.requestButton}
              </Button>
            </>
          )}
        </div>
      )}
      {status.updateRequests.length > 0 && (
        <div data-testid="update-requested" className="doc-panel__update">
          <Heading level={3} size="level-4">
            {m.updateTitle}
          </Heading>
          <Paragraph size="small">{m.updateIntro}</Paragraph>
          <UnorderedList>
            {status.updateRequests.map((r) => (
              <li key={`${r.reason}-${r.requestedAt}`}>
                {m.updateReasons[r.reason] ?? r.reason} ({formatDate(r.requestedAt)})
              </li>
            ))}
          </UnorderedList>
        </div>
      )}
      {dissent.length > 0 && (
        <div data-testid="dissent">
          <Heading level={3} size="level-4">
            {m.dissentTitle}
          </Heading>
          <Paragraph size="small">{m.dissentIntro}</Paragraph>
          <ul className="plain-list">
            {dissent.map((e) => (
              <li key={e.id}>
                {e.person.name} ({roleLabel(e.person.role)}): <strong>{m.stanceShort[e.stance]}</strong>
                {e.words && <Blockquote className="endorsement__words">{e.words}</Blockquote>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.maySignOff && (
        <div className="stack" data-testid="sign-off">
          <Heading level={3} size="level-4">
            {m.signOffTitle}
          </Heading>
          <Paragraph size="small">{m.signOffIntro}</Paragraph>
          {status.signedOff && (
            <Paragraph size="small" data-testid="last-signed-off">
              {m.lastSignedOff(formatDate(status.signedOff.signedOffAt))}
            </Paragraph>
          )}
          {signedAsShown ? (
            <Paragraph size="small" data-testid="signed-as-shown">
              {m.alreadySignedOff}
            </Paragraph>
          ) : status.missing.length === 0 ? (
            <Paragraph size="small">{m.readyToSignOff}</Paragraph>
          ) : (
            <div data-testid="sign-off-missing">
              <Paragraph size="small">
                <strong>{m.missingTitle}</strong>
              </Paragraph>
              <UnorderedList>
                {status.missing.map((id) => (
                  <li key={id}>
                    {m.missing[id]}
                    {id === 'signoff_required_empty' && ` ${status.emptySections.map(titleOf).join(', ')}`}
                  </li>
                ))}
              </UnorderedList>
            </div>
          )}
          <div>
            <Button onClick={() => setConfirming(true)} disabled={busy || signedAsShown || status.missing.length > 0}>
              {m.signOffButton}
            </Button>
          </div>
        </div>
      )}
      {props.professional && isAnalysis && (
        <details className="doc-panel__facts">
          <summary>{m.factsTitle}</summary>
          {status.facts.map((f) => (
            <Paragraph size="small" key={f.kind} className="muted">
              {f.words} — {m.factBy(f.recordedBy.name, formatDate(f.recordedAt))}
            </Paragraph>
          ))}
          <form
            className="stack"
            onSubmit={(e) =>
              recordFact(e, { kind: 'no-endorsement-reason', words: reason, childViewRecorded: childView })
            }
          >
            <LabelledField id={`${ids}-reason`} label={m.reasonLabel} hint={m.reasonHint} hintClassName="muted">
              <TextArea
                id={`${ids}-reason`}
                rows={2}
                maxLength={2000}
                aria-describedby={`${ids}-reason-hint`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </LabelledField>
            <Checkbox checked={childView} onChange={(e) => setChildView(e.currentTarget.checked)}>
              {m.childViewLabel}
            </Checkbox>
            <div>
              <Button type="submit" variant="secondary" disabled={busy || reason.trim() === ''}>
                {m.reasonSave}
              </Button>
            </div>
          </form>
          <form
            className="stack"
            onSubmit={(e) => recordFact(e, { kind: 'education-consulted', words: who, consultedOn: when })}
          >
            <LabelledField id={`${ids}-who`} label={m.educationLabel} hint={m.educationHint} hintClassName="muted">
              <TextInput
                id={`${ids}-who`}
                maxLength={2000}
                aria-describedby={`${ids}-who-hint`}
                value={who}
                onChange={(e) => setWho(e.target.value)}
              />
            </LabelledField>
            <LabelledField id={`${ids}-when`} label={m.educationDateLabel} hint="" hintClassName="muted">
              <DateInput id={`${ids}-when`} value={when} onChange={(e) => setWhen(e.target.value)} />
            </LabelledField>
            <div>
              <Button type="submit" variant="secondary" disabled={busy || who.trim() === '' || when === ''}>
                {m.educationSave}
              </Button>
            </div>
          </form>
        </details>
      )}
      <PanelStatus status={message} error={error} errorHeading={m.loadFailed} testId="sign-off-status" />
      <ConfirmDialog
        open={confirming}
        title={m.signOffConfirmTitle}
        testId="sign-off-dialog"
        confirmLabel={m.signOffConfirm}
        busy={busy}
        onConfirm={() => void signOff()}
        onCancel={() => setConfirming(false)}
      >
        <Paragraph>{m.signOffConfirmBody(agreeing, props.askedCount)}</Paragraph>
      </ConfirmDialog>
    </div>
  );
}
