/**
 * The forms of the rights page: an own statement, a correction request, a destruction request. Each
 * sends once, says what happens next with the date, and keeps what was typed when sending fails.
 */
import type { CaseDetail } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { PanelStatus } from '../../components/PanelStatus';
import { Button, LabelledField, TextArea } from '../../components/ui';
import { m } from './messages';
import { initialRef, SectionPicker } from './SectionPicker';

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

function Words(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(v: string): void;
  rows?: number;
}) {
  return (
    <LabelledField id={props.id} label={props.label} hint={props.hint ?? ''}>
      <TextArea
        id={props.id}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        rows={props.rows ?? 4}
        required
        maxLength={5000}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </LabelledField>
  );
}

export function StatementForm(props: { caseId: string; detail: CaseDetail; onDone(): void }) {
  const [ref, setRef] = useState(() => initialRef(props.detail));
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const { busy, error, submit } = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      setStatus('');
      await api('POST', `${base(props.caseId)}/statements`, {
        document: ref.document,
        section: ref.section,
        ...(ref.passage.trim() ? { passage: ref.passage.trim() } : {}),
        text,
      });
      setText('');
      setRef((r) => ({ ...r, passage: '' }));
      setStatus(m.statementSaved);
      props.onDone();
    });
  };
  return (
    <form className="stack rights-form" onSubmit={send} data-testid="statement-form">
      <SectionPicker idPrefix="statement" detail={props.detail} value={ref} onChange={setRef} />
      <Words id="statement-text" label={m.statementLabel} hint={m.statementHint} value={text} onChange={setText} />
      <div>
        <Button type="submit" disabled={busy}>
          {m.statementSend}
        </Button>
      </div>
      <PanelStatus status={status} error={error} errorHeading={m.loadFailed} testId="statement-status" small={false} />
    </form>
  );
}

export function CorrectionForm(props: { caseId: string; detail: CaseDetail; onDone(): void }) {
  const [ref, setRef] = useState(() => initialRef(props.detail));
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const [status, setStatus] = useState('');
  const { busy, error, submit } = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      setStatus('');
      await api('POST', `${base(props.caseId)}/corrections`, {
        document: ref.document,
        section: ref.section,
        ...(ref.passage.trim() ? { passage: ref.passage.trim() } : {}),
        what,
        why,
      });
      setWhat('');
      setWhy('');
      setRef((r) => ({ ...r, passage: '' }));
      setStatus(m.correctionSaved);
      props.onDone();
    });
  };
  return (
    <form className="stack rights-form" onSubmit={send} data-testid="correction-form">
      <SectionPicker idPrefix="correction" detail={props.detail} value={ref} onChange={setRef} />
      <Words id="correction-what" label={m.whatLabel} value={what} onChange={setWhat} rows={3} />
      <Words id="correction-why" label={m.whyLabel} value={why} onChange={setWhy} rows={3} />
      <div>
        <Button type="submit" disabled={busy}>
          {m.correctionSend}
        </Button>
      </div>
      <PanelStatus status={status} error={error} errorHeading={m.loadFailed} small={false} />
    </form>
  );
}

export function DestructionForm(props: { caseId: string; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const { busy, error, submit } = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      setStatus('');
      await api('POST', `${base(props.caseId)}/destruction-requests`, { reason });
      setReason('');
      setStatus(m.destructionSaved);
      props.onDone();
    });
  };
  return (
    <form className="stack rights-form" onSubmit={send} data-testid="destruction-form">
      <Words id="destruction-reason" label={m.reasonLabel} value={reason} onChange={setReason} rows={3} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.destructionSend}
        </Button>
      </div>
      <PanelStatus status={status} error={error} errorHeading={m.loadFailed} small={false} />
    </form>
  );
}

/** A professional's answer to a correction or destruction request: yes or no, with the reason. */
export function AnswerForm(props: {
  idPrefix: string;
  label: string;
  yes: string;
  no: string;
  /** A "no" needs the reason; for corrections a "yes" does too. */
  reasonForYes: boolean;
  send(decision: 'yes' | 'no', reason: string): Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit();
  const answer = (decision: 'yes' | 'no') => void submit(() => props.send(decision, reason.trim()));
  const missing = reason.trim() === '';
  return (
    <div className="stack rights-form">
      <LabelledField id={`${props.idPrefix}-reason`} label={props.label} hint="">
        <TextArea
          id={`${props.idPrefix}-reason`}
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </LabelledField>
      <div className="button-row">
        <Button disabled={busy || (props.reasonForYes && missing)} onClick={() => answer('yes')}>
          {props.yes}
        </Button>
        <Button variant="secondary" disabled={busy || missing} onClick={() => answer('no')}>
          {props.no}
        </Button>
      </div>
      <PanelStatus status="" error={error} errorHeading={m.loadFailed} />
    </div>
  );
}
