/**
 * /beheer/regio — the beheerder sets what their region decides for itself: how recent a signed-off
 * analysis must be for a placement decision, and whether the West-Friesland rule applies (its own days).
 * Professionals of the region see the settings; the server decides who may change them.
 */
import type { RegionSettingsResponse, RegionSettingsView } from '@samenspraak/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Alert, Button, Checkbox, FieldSet, Heading, LabelledField, Paragraph, TextInput } from '../../components/ui';
import { formatMoment } from '../../dates';
import { m } from './messages';

function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  value: number;
  onChange: (n: number) => void;
  min: number;
  max: number;
  disabled: boolean;
}) {
  return (
    <LabelledField id={props.id} label={props.label} hint={props.hint}>
      <TextInput
        id={props.id}
        type="number"
        inputMode="numeric"
        aria-describedby={`${props.id}-hint`}
        min={props.min}
        max={props.max}
        required
        disabled={props.disabled}
        value={String(props.value)}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      />
    </LabelledField>
  );
}

export function RegionSettingsPage() {
  const { state } = useAuth();
  const res = useApi<RegionSettingsResponse>('/api/regions/mine/settings');
  const [form, setForm] = useState<RegionSettingsView | null>(null);
  const { busy, failure, done, submit } = useSubmit();
  useEffect(() => {
    if (res.data) setForm(res.data.settings);
  }, [res.data]);
  const isAdmin = state.status === 'authenticated' && state.user.role === 'beheerder';

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    void submit(async (ok) => {
      const body = {
        analysisRecentMonths: form.analysisRecentMonths,
        westFrieslandRule: form.westFrieslandRule,
        wfContactDays: form.wfContactDays,
        wfEscalationDays: form.wfEscalationDays,
      };
      const saved = await api<RegionSettingsResponse>(
        'PUT',
        `/api/regions/${encodeURIComponent(form.region)}/settings`,
        body,
      );
      setForm(saved.settings);
      ok();
    });
  };

  return (
    <section className="stack region-settings">
      <Heading level={1}>{m.title}</Heading>
      {res.error && <Paragraph>{res.error.status === 404 ? m.noRegion : errorText(res.error)}</Paragraph>}
      {!res.error && !form && <Paragraph>{m.loading}</Paragraph>}
      {form && (
        <form className="stack" onSubmit={save}>
          <Paragraph>{m.intro(form.region)}</Paragraph>
          <Paragraph size="small">
            {form.updatedAt ? m.lastChanged(formatMoment(form.updatedAt)) : m.neverChanged}
          </Paragraph>
          {!isAdmin && <Paragraph>{m.notAllowed}</Paragraph>}
          {done && <Alert heading={m.saved} headingLevel={2} severity="success" role="status" />}
          {failure !== null && (
            <ErrorAlert heading={m.notSaved} headingLevel={2}>
              {errorText(failure)}
            </ErrorAlert>
          )}
          <NumberField
            id="region-recent"
            label={m.recentLabel}
            hint={m.recentHint}
            min={1}
            max={24}
            disabled={!isAdmin}
            value={form.analysisRecentMonths}
            onChange={(n) => setForm({ ...form, analysisRecentMonths: n })}
          />
          <FieldSet legend={m.wfLegend}>
            <Paragraph size="small">{m.wfHint}</Paragraph>
            <Checkbox
              checked={form.westFrieslandRule}
              disabled={!isAdmin}
              onChange={(e) => setForm({ ...form, westFrieslandRule: e.currentTarget.checked })}
            >
              {m.wfOn}
            </Checkbox>
            <NumberField
              id="region-contact"
              label={m.contactLabel}
              hint={m.contactHint}
              min={1}
              max={60}
              disabled={!isAdmin}
              value={form.wfContactDays}
              onChange={(n) => setForm({ ...form, wfContactDays: n })}
            />
            <NumberField
              id="region-escalation"
              label={m.escalationLabel}
              hint={m.escalationHint}
              min={7}
              max={180}
              disabled={!isAdmin}
              value={form.wfEscalationDays}
              onChange={(n) => setForm({ ...form, wfEscalationDays: n })}
            />
          </FieldSet>
          {isAdmin && (
            <div>
              <Button type="submit" disabled={busy}>
                {busy ? m.saving : m.save}
              </Button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
