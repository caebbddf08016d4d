/**
 * Versions of a case document: save the current text under a name, list the versions (newest first),
 * read one, compare any two (or one with the current text) word by word, restore one as a new change
 * (after saving the current text, so nothing is lost), and download one as PDF or Markdown.
 */

import type { DocumentType, RestoreResponse } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api, download } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PanelStatus } from '../../components/PanelStatus';
import { Button, Checkbox, Heading, LabelledField, Paragraph, TextInput } from '../../components/ui';
import { shortMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { chronological, toggleChoice } from './content';
import { DiffView } from './DiffView';
import { ConfirmDialog, Modal } from './Modal';
import { m } from './messages';
import { safeFileName, saveBlob } from './saveFile';
import type { DiffAnswer, VersionDetail, VersionSummary } from './types';
import { VersionView } from './VersionView';

type Dialog =
  | { kind: 'view'; version: VersionSummary; detail: VersionDetail | null }
  | { kind: 'diff'; from: string; to: string; answer: DiffAnswer | null }
  | null;

export function VersionsPanel(props: {
  documentId: string;
  type: DocumentType;
  versions: VersionSummary[] | null;
  error: string | null;
  /** Sections this person edits; null when they edit all of them. Empty: they edit none. */
  editable: string[] | null;
  onChanged(): void;
}) {
  const ids = useId();
  const base = `/api/documents/${encodeURIComponent(props.documentId)}/versions`;
  const canEdit = props.editable === null || props.editable.length > 0;
  const [name, setName] = useState('');
  const { busy, error, submit } = useSubmit();
  const [status, setStatus] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);

  const versions = props.versions ?? [];
  const order = versions.map((v) => v.id);
  const nameOf = (id: string) => (id === 'current' ? m.current : (versions.find((v) => v.id === id)?.name ?? id));
  const docTitle = m.documentTitles[props.type] ?? props.type;

  const act = (action: () => Promise<string>) =>
    submit(async () => {
      try {
        setStatus(await action());
      } catch (err) {
        setStatus('');
        throw err;
      }
    });

  const create = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void act(async () => {
      await api('POST', base, { name: trimmed });
      setName('');
      props.onChanged();
      return m.versionSaved(trimmed);
    });
  };

  const view = (version: VersionSummary) => {
    setDialog({ kind: 'view', version, detail: null });
    void act(async () => {
      const detail = await api<VersionDetail>('GET', `${base}/${encodeURIComponent(version.id)}`);
      setDialog((d) => (d?.kind === 'view' && d.version.id === version.id ? { ...d, detail } : d));
      return '';
    });
  };

  const compare = () => {
    if (chosen.length !== 2) return;
    const [from, to] = chronological([chosen[0] as string, chosen[1] as string], order);
    setDialog({ kind: 'diff', from, to, answer: null });
    void act(async () => {
      const answer = await api<DiffAnswer>('GET', `${base}/${encodeURIComponent(from)}/diff/${encodeURIComponent(to)}`);
      setDialog((d) => (d?.kind === 'diff' && d.from === from && d.to === to ? { ...d, answer } : d));
      return '';
    });
  };

  const exportAs = (version: VersionSummary, format: 'pdf' | 'md') =>
    void act(async () => {
      const blob = await download(`${base}/${encodeURIComponent(version.id)}/export.${format}`);
      const file = safeFileName(`${docTitle} ${version.name}.${format}`);
      saveBlob(blob, file);
      return m.downloaded(file);
    });

  const restore = (version: VersionSummary) =>
    void act(async () => {
      // Keep the text of now first: a restore is a new change, and this way it can be undone.
      await api('POST', base, { name: m.restoreBackupName(version.name) });
      const res = await api<RestoreResponse>(
        'POST',
        `${base}/${encodeURIComponent(version.id)}/restore`,
        props.editable === null ? {} : { sections: props.editable },
      );
      setRestoring(null);
      props.onChanged();
      return m.restored(res.changed.length);
    }).finally(() => setRestoring(null));

  const rows: Array<VersionSummary | 'current'> = ['current', ...[...versions].reverse()];

  return (
    <section className="panel doc-panel" aria-labelledby={`${ids}-title`} data-testid="versions-panel">
      <Heading level={2} size="level-3" id={`${ids}-title`}>
        {m.versionsTitle}
      </Heading>
      <Paragraph size="small">{m.versionsIntro}</Paragraph>

      {canEdit && (
        <form className="stack" onSubmit={create}>
          <LabelledField id={`${ids}-name`} label={m.newVersionLabel} hint={m.newVersionHint} hintClassName="muted">
            <TextInput
              id={`${ids}-name`}
              aria-describedby={`${ids}-name-hint`}
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </LabelledField>
          <div>
            <Button type="submit" variant="secondary" disabled={busy || name.trim() === ''}>
              {m.newVersionButton}
            </Button>
          </div>
        </form>
      )}

      <PanelStatus status={status} error={error ?? props.error} errorHeading={m.loadFailed} testId="versions-status" />

      {props.versions === null ? (
        <Paragraph size="small">{m.loading}</Paragraph>
      ) : (
        <>
          {versions.length === 0 && <Paragraph size="small">{m.noVersions}</Paragraph>}
          <ul className="plain-list version-list" data-testid="version-list">
            {rows.map((v) => {
              const id = v === 'current' ? 'current' : v.id;
              const label = v === 'current' ? m.current : v.name;
              return (
                <li key={id} className={`version version--${v === 'current' ? 'current' : v.kind}`} data-version={id}>
                  <div className="version__head">
                    <Checkbox
                      checked={chosen.includes(id)}
                      onChange={() => setChosen((c) => toggleChoice(c, id))}
                      aria-label={m.compareThis(label)}
                    >
                      <strong>{label}</strong>
                    </Checkbox>
                    {v !== 'current' && v.kind !== 'manual' && (
                      <span className={`version__kind version__kind--${v.kind}`}>{m.kinds[v.kind]}</span>
                    )}
                  </div>
                  <Paragraph size="small" className="muted version__by">
                    {v === 'current'
                      ? m.currentAbout
                      : m.byOn(v.author.name, roleLabel(v.author.role), shortMoment(v.createdAt))}
                  </Paragraph>
                  {v !== 'current' && (
                    <div className="version__actions">
                      <Button variant="tertiary" onClick={() => view(v)} aria-label={m.viewLabel(v.name)}>
                        {m.view}
                      </Button>
                      <Button variant="tertiary" onClick={() => exportAs(v, 'pdf')} aria-label={m.pdfLabel(v.name)}>
                        {m.pdf}
                      </Button>
                      <Button variant="tertiary" onClick={() => exportAs(v, 'md')} aria-label={m.markdownLabel(v.name)}>
                        {m.markdown}
                      </Button>
                      {canEdit && (
                        <Button variant="tertiary" onClick={() => setRestoring(v)} aria-label={m.restoreLabel(v.name)}>
                          {m.restore}
                        </Button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="stack version-compare">
            <div>
              <Button onClick={compare} disabled={chosen.length !== 2} data-testid="compare">
                {m.compareButton}
              </Button>
            </div>
            {chosen.length !== 2 && <Paragraph size="small">{m.compareHint}</Paragraph>}
          </div>
        </>
      )}

      <Modal
        open={dialog !== null}
        wide
        title={
          dialog?.kind === 'view' ? m.versionTitle(dialog.version.name) : dialog?.kind === 'diff' ? m.diffTitle : ''
        }
        onClose={() => setDialog(null)}
        testId="version-dialog"
      >
        {dialog?.kind === 'view' &&
          (dialog.detail ? <VersionView detail={dialog.detail} /> : <Paragraph>{m.loading}</Paragraph>)}
        {dialog?.kind === 'diff' &&
          (dialog.answer ? (
            <DiffView fromName={nameOf(dialog.from)} toName={nameOf(dialog.to)} sections={dialog.answer.sections} />
          ) : (
            <Paragraph>{m.loading}</Paragraph>
          ))}
        {error && dialog && (
          <ErrorAlert heading={m.loadFailed} headingLevel={3}>
            {error}
          </ErrorAlert>
        )}
      </Modal>

      <ConfirmDialog
        open={restoring !== null}
        title={m.restoreConfirmTitle}
        testId="restore-dialog"
        confirmLabel={m.restoreConfirm}
        busy={busy}
        onConfirm={() => restoring && restore(restoring)}
        onCancel={() => setRestoring(null)}
      >
        <Paragraph>{restoring ? m.restoreConfirmBody(restoring.name) : ''}</Paragraph>
        {props.editable !== null && <Paragraph>{m.restoreOwnOnly}</Paragraph>}
      </ConfirmDialog>
    </section>
  );
}
