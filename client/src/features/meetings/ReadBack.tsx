/**
 * The read-back: what was agreed, in plain words, for the young person and the parents. Large, readable
 * text for everyone; the chair writes and edits it.
 */

import { MEETING_READ_BACK_MAX, type MeetingView } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { useSubmit } from '../../app/useSubmit';
import { Button, Heading, LabelledField, Paragraph, TextArea } from '../../components/ui';
import { ActionError } from './ActionError';
import { m } from './messages';

export function ReadBack({
  meeting,
  canEdit,
  act,
}: {
  meeting: MeetingView;
  canEdit: boolean;
  act: (method: 'PUT', action: string, body: unknown) => Promise<void>;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const { busy, failure, submit: run } = useSubmit();
  const [saved, setSaved] = useState(false);
  const editable = canEdit && meeting.status !== 'scheduled';

  const startEdit = () => {
    setText(meeting.readBack ?? '');
    setEditing(true);
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await act('PUT', 'read-back', { text: text.trim() });
      setEditing(false);
      setSaved(true);
    });
  };

  return (
    <section className="read-back" aria-labelledby={`${id}-title`} data-testid="read-back">
      <Heading level={2} size="level-3" id={`${id}-title`}>
        {m.readBackTitle}
      </Heading>
      <Paragraph size="small">{m.readBackIntro}</Paragraph>
      {saved && (
        <p role="status" className="form-status">
          {m.readBackSaved}
        </p>
      )}
      {failure !== null && <ActionError error={failure} />}
      {editing ? (
        <form className="stack-s" onSubmit={submit}>
          <LabelledField id={`${id}-text`} label={m.readBackLabel} hint={m.readBackHint}>
            <TextArea
              id={`${id}-text`}
              aria-describedby={`${id}-text-hint`}
              className="read-back__input"
              required
              rows={6}
              maxLength={MEETING_READ_BACK_MAX}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </LabelledField>
          <div className="mtg-buttons">
            <Button type="submit" disabled={busy}>
              {m.readBackSave}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {m.cancel}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {meeting.readBack ? (
            <p className="read-back__text pre-line">{meeting.readBack}</p>
          ) : (
            <Paragraph>{m.readBackEmpty}</Paragraph>
          )}
          {editable && (
            <div>
              <Button variant="secondary" onClick={startEdit}>
                {m.readBackEdit}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
