/**
 * Finds a colleague in the professional directory (`GET /api/directory/professionals?role=&q=`: name,
 * role and organisation only; each search is in the access log) and picks one. Not a form of its own,
 * so it can sit inside another form: the search runs on its button or Enter in the search field.
 */
import type { ProfessionalEntry, ProfessionalsResponse, Role } from '@samenspraak/shared';
import { type KeyboardEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Field, Label, Paragraph, TextInput } from '../../components/ui';
import { roleLabel } from '../../i18n';
import { m } from './messages';

export function ProfessionalPicker(props: {
  roleFilter: Role | null;
  label: string;
  hint?: string;
  chosen: ProfessionalEntry | null;
  onChoose(entry: ProfessionalEntry | null): void;
  /** Leave these out of the results (already on the case). */
  exclude?: readonly string[];
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ProfessionalEntry[] | null>(null);
  const { busy, error, submit } = useSubmit();

  const search = () =>
    void submit(async () => {
      const params = new URLSearchParams();
      if (props.roleFilter) params.set('role', props.roleFilter);
      if (q.trim()) params.set('q', q.trim());
      const res = await api<ProfessionalsResponse>('GET', `/api/directory/professionals?${params}`);
      setFound(res.professionals.filter((p) => !props.exclude?.includes(p.userId)));
    });
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };

  return (
    <fieldset className="picker stack" data-testid="professional-picker">
      <legend className="picker__legend">{props.label}</legend>
      {props.hint && <Paragraph size="small">{props.hint}</Paragraph>}
      <Paragraph data-testid="picker-chosen">
        {props.chosen ? (
          <>
            {m.chosen}: <strong>{props.chosen.name}</strong> ({roleLabel(props.chosen.role)}
            {props.chosen.organisation ? `, ${props.chosen.organisation}` : ''}){' '}
            <Button type="button" variant="tertiary" onClick={() => props.onChoose(null)}>
              {m.clear}
            </Button>
          </>
        ) : (
          <span className="muted">{m.noneChosen}</span>
        )}
      </Paragraph>
      <Field>
        <Label htmlFor={`${id}-q`}>{m.search}</Label>
        <div className="picker__search">
          <TextInput
            id={`${id}-q`}
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKey}
          />
          <Button type="button" variant="secondary" onClick={search} disabled={busy}>
            {m.searchButton}
          </Button>
        </div>
      </Field>
      {error && (
        <ErrorAlert heading={m.failed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      {found && (
        <div aria-live="polite">
          <Paragraph size="small">{found.length === 0 ? m.searchNone : m.searchResults(found.length)}</Paragraph>
          <ul className="plain-list picker__results">
            {found.map((p) => (
              <li key={p.userId}>
                <Button
                  type="button"
                  variant="tertiary"
                  aria-label={`${m.choose}: ${p.name}, ${roleLabel(p.role)}`}
                  onClick={() => {
                    props.onChoose(p);
                    setFound(null);
                  }}
                >
                  {p.name}
                </Button>{' '}
                <span className="muted">
                  {roleLabel(p.role)}
                  {p.organisation ? `, ${p.organisation}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
