/**
 * Instemming (domain brief §3.9): each participant who may comment says whether they agree, agree with
 * remarks, or disagree — in their own words — about the text as they see it now: the client sends the
 * hash of that text (from GET …/sign-off), and the server refuses another. An endorsement of text that
 * changed since shows "gegeven op een eerdere versie" and no longer counts. Below it the sign-off
 * (SignOffPanel): clock, what is still needed, dissent, the responsible behavioural scientist's button.
 */

import {
  CASE_PROFESSIONALS,
  type CaseDetail,
  type DocumentType,
  ENDORSEMENT_STANCES,
  type EndorsementStance,
  type SignOffStatus,
} from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { PanelStatus } from '../../components/PanelStatus';
import {
  Blockquote,
  Button,
  ErrorMessage,
  FieldSet,
  Heading,
  LabelledField,
  Paragraph,
  Radio,
  TextArea,
} from '../../components/ui';
import { roleLabel } from '../../i18n';
import { m } from './messages';
import { SignOffPanel } from './SignOffPanel';
import type { EndorsementView } from './types';

const SYMBOL: Record<EndorsementStance, string> = { agree: '✓', 'agree-with-remarks': '✓', disagree: '✗' };

export function EndorsementPanel(props: {
  documentId: string;
  type: DocumentType;
  detail: CaseDetail;
  /** Where the sign-off stands, with the hash of the text as this person sees it now. */
  status: SignOffStatus | null;
  me: string;
  mayEndorse: boolean;
  maySignOff: boolean;
  endorsements: EndorsementView[] | null;
  error: string | null;
  /** After a change of ours: re-read endorsements (and versions, after a sign-off). */
  onEndorsed(): void;
  onSignedOff(): void;
  /** Something the sign-off depends on changed (a fact, the request, a refusal because the text changed). */
  onStatusChanged(): void;
}) {
  const { endorsements, me } = props;
  const ids = useId();
  const mine = endorsements?.find((e) => e.person.id === me) ?? null;
  const [stance, setStance] = useState<EndorsementStance | null>(null);
  const [words, setWords] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const [status, setStatus] = useState('');
  const [invalid, setInvalid] = useState(false);

  // Until the person picks something, the form shows their current stance.
  const chosen = stance ?? mine?.stance ?? null;
  const text = words ?? mine?.words ?? '';
  const base = `/api/documents/${encodeURIComponent(props.documentId)}`;

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    if (chosen !== 'agree' && text.trim() === '') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const versionHash = props.status?.currentHash;
    if (!versionHash) return;
    void submit(
      async () => {
        await api('PUT', `${base}/endorsement`, {
          stance: chosen,
          ...(text.trim() ? { words: text.trim() } : {}),
          versionHash,
        });
        setStance(null);
        setWords(null);
        setStatus(m.endorseSaved);
        props.onEndorsed();
      },
      // Refused because the text changed: show the new hash, so the next try is about the new text.
      {
        settle: async () => {
          props.onStatusChanged();
        },
      },
    );
  };

  const current = endorsements ?? [];
  // A view given on an earlier version is listed (marked) but no longer counts.
  const count = (s: EndorsementStance) => current.filter((e) => e.stance === s && !e.outdatedAt).length;
  const responded = new Set(current.map((e) => e.person.id));
  // Directors of a breakthrough session only read; everyone else on the case is asked.
  const asked = props.detail.participants.filter((p) => p.role !== 'dbt-lid');
  const waiting = asked.filter((p) => !responded.has(p.userId));
  const whoLabel = (id: string, role: string) => (id === me ? `${m.you}, ${roleLabel(role)}` : roleLabel(role));

  return (
    <section className="panel doc-panel" aria-labelledby={`${ids}-title`} data-testid="endorsement-panel">
      <Heading level={2} size="level-3" id={`${ids}-title`}>
        {m.endorseTitle}
      </Heading>
      <Paragraph size="small">{m.endorseIntro}</Paragraph>

      {props.mayEndorse ? (
        <form className="stack" onSubmit={save} noValidate>
          <FieldSet legend={m.endorseLegend}>
            {ENDORSEMENT_STANCES.map((s) => (
              <Radio key={s} name={`${ids}-stance`} value={s} checked={chosen === s} onChange={() => setStance(s)}>
                {m.stanceChoice[s]}
              </Radio>
            ))}
          </FieldSet>
          <LabelledField
            id={`${ids}-words`}
            label={m.wordsLabel}
            hint={m.wordsHint}
            hintClassName="muted"
            invalid={invalid}
          >
            {invalid && <ErrorMessage id={`${ids}-error`}>{m.wordsRequired}</ErrorMessage>}
            <TextArea
              id={`${ids}-words`}
              rows={3}
              maxLength={4000}
              invalid={invalid}
              aria-describedby={invalid ? `${ids}-words-hint ${ids}-error` : `${ids}-words-hint`}
              value={text}
              onChange={(e) => setWords(e.target.value)}
            />
          </LabelledField>
          {props.status && (
            <Paragraph size="small" className="muted" data-testid="version-note">
              {m.versionNote(props.status.currentHash.slice(0, 8))}
            </Paragraph>
          )}
          <div>
            <Button type="submit" variant="secondary" disabled={busy || !chosen || !props.status}>
              {m.endorseSave}
            </Button>
          </div>
          {mine && !mine.outdatedAt && (
            <Paragraph size="small">{m.yourStance(m.stanceShort[mine.stance] ?? mine.stance)}</Paragraph>
          )}
          {mine?.outdatedAt && (
            <Paragraph size="small" data-testid="your-earlier-version">
              <strong>{m.yourEarlier}</strong>
            </Paragraph>
          )}
        </form>
      ) : (
        <Paragraph size="small">{m.readOnlyEndorse}</Paragraph>
      )}
      <PanelStatus
        status={mine?.outdatedAt ? null : status}
        error={error ?? props.error}
        errorHeading={m.loadFailed}
        testId="endorsement-status"
      />

      <Heading level={3} size="level-4">
        {m.everyoneTitle}
      </Heading>
      {endorsements === null ? (
        <Paragraph size="small">{m.loading}</Paragraph>
      ) : current.length === 0 ? (
        <Paragraph size="small">{m.nobodyYet}</Paragraph>
      ) : (
        <>
          <Paragraph size="small">{m.tally(count('agree'), count('agree-with-remarks'), count('disagree'))}</Paragraph>
          <ul className="plain-list endorsement-list" data-testid="endorsement-list">
            {current.map((e) => (
              <li key={e.id} className={`endorsement endorsement--${e.stance}`}>
                <span className="endorsement__who">
                  <span aria-hidden="true" className="endorsement__symbol">
                    {SYMBOL[e.stance]}
                  </span>{' '}
                  {e.person.name} <span className="muted">({whoLabel(e.person.id, e.person.role)})</span>:{' '}
                  <strong>{m.stanceShort[e.stance] ?? e.stance}</strong>
                  {e.outdatedAt && (
                    <span className="muted endorsement__earlier" data-testid="earlier-version">
                      {' '}
                      ({m.earlierVersion})
                    </span>
                  )}
                </span>
                {e.words && <Blockquote className="endorsement__words">{e.words}</Blockquote>}
              </li>
            ))}
          </ul>
        </>
      )}
      {endorsements !== null && waiting.length > 0 && (
        <Paragraph size="small">
          {m.notYet} {waiting.map((p) => `${p.name} (${whoLabel(p.userId, p.role)})`).join(', ')}
        </Paragraph>
      )}

      <SignOffPanel
        documentId={props.documentId}
        type={props.type}
        status={props.status}
        endorsements={current}
        professional={CASE_PROFESSIONALS.includes(props.detail.myRole)}
        maySignOff={props.maySignOff}
        askedCount={asked.length}
        onChanged={props.onStatusChanged}
        onSignedOff={props.onSignedOff}
      />
    </section>
  );
}
