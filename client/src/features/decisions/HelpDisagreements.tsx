/**
 * West-Friesland (004 actie 4): when GI and local team disagree about the help, the help starts anyway
 * and the disagreement is recorded here, to be evaluated afterwards. Professionals only (server rule).
 */
import { CASE_PROFESSIONALS, type CaseDetail, type HelpDisagreementsResponse, type Role } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Heading, LabelledField, Paragraph, TextArea } from '../../components/ui';
import { formatMoment } from '../../dates';
import { messages } from '../../i18n';

const t = messages({
  nl: {
    title: 'Verschil van mening GI en lokaal team',
    intro: 'Zijn GI en lokaal team het niet eens? Dan start de hulp toch, en evalueren we achteraf samen.',
    none: 'Geen verschil van mening vastgelegd.',
    help: 'Hulp die start:',
    gi: 'Visie GI:',
    local: 'Visie lokaal team:',
    by: (who: string, when: string) => `Vastgelegd door ${who}, ${when}`,
    formTitle: 'Verschil van mening vastleggen',
    helpLabel: 'Welke hulp start?',
    giLabel: 'Wat vindt de GI?',
    localLabel: 'Wat vindt het lokale team?',
    hint: 'Kort en zonder schuld.',
    submit: 'Vastleggen',
    notSaved: 'Niet vastgelegd',
  },
  en: {
    title: 'Disagreement between GI and local team',
    intro: 'Do GI and local team disagree? The help starts anyway, and we evaluate it together afterwards.',
    none: 'No disagreement recorded.',
    help: 'Help that starts:',
    gi: "GI's view:",
    local: "Local team's view:",
    by: (who: string, when: string) => `Recorded by ${who}, ${when}`,
    formTitle: 'Record a disagreement',
    helpLabel: 'Which help starts?',
    giLabel: 'What does the GI think?',
    localLabel: 'What does the local team think?',
    hint: 'Briefly, without blame.',
    submit: 'Record',
    notSaved: 'Not recorded',
  },
});

const RECORDERS: readonly Role[] = ['jeugdbeschermer', 'lokaal-team'];

export function HelpDisagreements({ detail }: { detail: CaseDetail }) {
  const id = useId();
  const url = `/api/cases/${encodeURIComponent(detail.id)}/help-disagreements`;
  const res = useApi<HelpDisagreementsResponse>(CASE_PROFESSIONALS.includes(detail.myRole) ? url : null);
  const [form, setForm] = useState({ helpStarted: '', giView: '', localTeamView: '' });
  const { busy, failure, submit } = useSubmit();
  if (!CASE_PROFESSIONALS.includes(detail.myRole)) return null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void submit(
      async () => {
        await api('POST', url, form);
        setForm({ helpStarted: '', giView: '', localTeamView: '' });
      },
      { settle: res.reload },
    );
  };
  const field = (key: keyof typeof form, label: string) => (
    <LabelledField id={`${id}-${key}`} label={label} hint={t.hint}>
      <TextArea
        id={`${id}-${key}`}
        aria-describedby={`${id}-${key}-hint`}
        required
        rows={2}
        maxLength={4000}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </LabelledField>
  );
  return (
    <section
      className="panel case-page__panel stack-s"
      aria-labelledby={`${id}-title`}
      data-testid="help-disagreements"
    >
      <Heading level={2} size="level-3" id={`${id}-title`}>
        {t.title}
      </Heading>
      <Paragraph size="small">{t.intro}</Paragraph>
      {failure !== null && (
        <ErrorAlert heading={t.notSaved} headingLevel={3}>
          {errorText(failure)}
        </ErrorAlert>
      )}
      {res.data?.disagreements.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {res.data?.disagreements.map((d) => (
        <div key={d.id} className="family-step">
          <span className="family-line">
            <strong>{t.help}</strong> {d.helpStarted}
          </span>
          <span className="family-line">
            <strong>{t.gi}</strong> {d.giView}
          </span>
          <span className="family-line">
            <strong>{t.local}</strong> {d.localTeamView}
          </span>
          <span className="family-line">{t.by(d.recordedBy, formatMoment(d.recordedAt))}</span>
        </div>
      ))}
      {RECORDERS.includes(detail.myRole) && (
        <details>
          <summary>{t.formTitle}</summary>
          <form className="stack" onSubmit={save}>
            {field('helpStarted', t.helpLabel)}
            {field('giView', t.giLabel)}
            {field('localTeamView', t.localLabel)}
            <div>
              <Button type="submit" disabled={busy}>
                {t.submit}
              </Button>
            </div>
          </form>
        </details>
      )}
    </section>
  );
}
