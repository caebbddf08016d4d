/**
 * The team on the case page, managed where it is seen: who takes part (and who holds procesregie), add a
 * professional by role from the directory, end someone's access with a reason, hand over procesregie.
 * The server decides every step (the invitation table, the handover rule) and answers refusals in Dutch;
 * each change sends `case:changed`, so every open case page re-reads the team.
 */
import {
  CASE_PROFESSIONALS,
  type CaseDetail,
  PARTICIPANT_PROFESSIONAL_ROLES,
  PROCESS_DIRECTION_ROLES,
  type ProfessionalEntry,
  type Role,
} from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Heading, LabelledField, Select, Table, TextArea } from '../../components/ui';
import { roleLabel } from '../../i18n';
import { ProfessionalPicker } from '../registration/ProfessionalPicker';
import { m } from './messages';

/** Roles that can be added from the directory (a DBT director comes in through a breakthrough session). */
const ADDABLE: readonly Role[] = PARTICIPANT_PROFESSIONAL_ROLES.filter((r) => r !== 'dbt-lid');
/** Who builds the team (server/src/domain/invitations.ts); others see the team, not these controls. */
const TEAM_BUILDERS: readonly Role[] = ['procesregisseur', 'gedragswetenschapper'];

function RemoveForm(props: { caseId: string; userId: string; name: string; onDone(): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      await api(
        'DELETE',
        `/api/cases/${encodeURIComponent(props.caseId)}/participants/${encodeURIComponent(props.userId)}`,
        { reason },
      );
      props.onDone();
    });
  };
  return (
    <form className="stack team__remove" onSubmit={send} aria-label={m.teamRemoveTitle(props.name)}>
      <LabelledField id={`remove-${props.userId}`} label={m.teamRemoveReason(props.name)} hint={m.teamRemoveHint}>
        <TextArea
          id={`remove-${props.userId}`}
          rows={2}
          maxLength={500}
          aria-describedby={`remove-${props.userId}-hint`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </LabelledField>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      <div className="team__buttons">
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.teamRemoveConfirm}
        </Button>
        <Button variant="tertiary" onClick={props.onCancel}>
          {m.teamCancel}
        </Button>
      </div>
    </form>
  );
}

function AddForm({ c, onDone }: { c: CaseDetail; onDone(): void }) {
  const [role, setRole] = useState<Role>('jeugdhulpaanbieder');
  const [chosen, setChosen] = useState<ProfessionalEntry | null>(null);
  const { busy, error, submit } = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    void submit(async () => {
      await api('POST', `/api/cases/${encodeURIComponent(c.id)}/participants`, { userId: chosen.userId, role });
      setChosen(null);
      onDone();
    });
  };
  return (
    <form className="stack" onSubmit={send} aria-labelledby="team-add-title" data-testid="team-add">
      <Heading level={3} size="level-5" id="team-add-title">
        {m.teamAddTitle}
      </Heading>
      <LabelledField id="team-add-role" label={m.teamAddRole} hint="">
        <Select
          id="team-add-role"
          value={role}
          onChange={(e) => {
            setRole(e.target.value as Role);
            setChosen(null);
          }}
        >
          {ADDABLE.map((r) => (
            <Select.Option key={r} value={r}>
              {roleLabel(r)}
            </Select.Option>
          ))}
        </Select>
      </LabelledField>
      <ProfessionalPicker
        key={role}
        roleFilter={role}
        label={m.teamAddWho(roleLabel(role))}
        chosen={chosen}
        onChoose={setChosen}
        exclude={c.participants.map((p) => p.userId)}
      />
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      <div>
        <Button type="submit" variant="secondary" disabled={busy || !chosen}>
          {m.teamAddButton}
        </Button>
      </div>
    </form>
  );
}

function Handover({ c, onDone }: { c: CaseDetail; onDone(): void }) {
  const candidates = c.participants.filter(
    (p) => PROCESS_DIRECTION_ROLES.includes(p.role) && p.userId !== c.processDirectorId,
  );
  const [to, setTo] = useState('');
  const { busy, error, submit } = useSubmit();
  if (candidates.length === 0) return null;
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      await api('POST', `/api/cases/${encodeURIComponent(c.id)}/process-direction`, { userId: to });
      setTo('');
      onDone();
    });
  };
  return (
    <form className="stack" onSubmit={send} aria-labelledby="handover-title" data-testid="team-handover">
      <Heading level={3} size="level-5" id="handover-title">
        {m.handoverTitle}
      </Heading>
      <LabelledField id="handover-to" label={m.handoverTo} hint={m.handoverHint}>
        <Select id="handover-to" required value={to} onChange={(e) => setTo(e.target.value)}>
          <Select.Option value="">{m.handoverChoose}</Select.Option>
          {candidates.map((p) => (
            <Select.Option key={p.userId} value={p.userId}>
              {p.name} ({roleLabel(p.role)})
            </Select.Option>
          ))}
        </Select>
      </LabelledField>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      <div>
        <Button type="submit" variant="secondary" disabled={busy || !to}>
          {m.handoverButton}
        </Button>
      </div>
    </form>
  );
}

export function TeamPanel({ c, me, onChanged }: { c: CaseDetail; me: string; onChanged(): void }) {
  const [removing, setRemoving] = useState<string | null>(null);
  const open = c.status !== 'afgeschaald';
  const mayRemove = open && CASE_PROFESSIONALS.includes(c.myRole);
  const mayAdd = open && TEAM_BUILDERS.includes(c.myRole);
  const mayHandOver = open && (c.processDirectorId === me || c.myRole === 'procesregisseur');
  return (
    <div className="stack">
      <div>
        <Table className="stacked-table" role="table" data-testid="team-table">
          <Table.ColumnHeaders
            columns={[m.teamName, m.teamRole, m.teamOrganisation, ...(mayRemove ? [m.teamAccess] : [])]}
          />
          <Table.Body role="rowgroup">
            {c.participants.map((p) => (
              <Table.Row key={`${p.userId}-${p.role}`} role="row">
                <Table.Cell role="cell" data-label={m.teamName}>
                  {p.name} {p.userId === me && <span className="muted">{m.teamYou}</span>}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.teamRole}>
                  {roleLabel(p.role)}
                  {p.userId === c.responsibleScientistId && <span className="muted">, {m.responsible}</span>}
                  {p.userId === c.processDirectorId && (
                    <strong className="team__director" data-testid="process-director">
                      , {m.processDirection}
                    </strong>
                  )}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.teamOrganisation}>
                  {p.organisation ?? '—'}
                </Table.Cell>
                {mayRemove && (
                  <Table.Cell role="cell" data-label={m.teamAccess}>
                    {p.userId !== me && removing !== p.userId && (
                      <Button variant="tertiary" onClick={() => setRemoving(p.userId)}>
                        {m.teamRemove(p.name)}
                      </Button>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {removing && (
        <RemoveForm
          caseId={c.id}
          userId={removing}
          name={c.participants.find((p) => p.userId === removing)?.name ?? ''}
          onCancel={() => setRemoving(null)}
          onDone={() => {
            setRemoving(null);
            onChanged();
          }}
        />
      )}
      {mayAdd && <AddForm c={c} onDone={onChanged} />}
      {mayHandOver && <Handover c={c} onDone={onChanged} />}
    </div>
  );
}
