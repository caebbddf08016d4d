import { useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import { bindTextControl } from '../collab/textBinding';
import { t } from '../i18n';

/** Name of the shared text in the document. */
export const NOTES_FIELD = 'notities';

/** The shared notes: a labelled textarea bound to the document's Y.Text. */
export function NotesEditor({ doc, canWrite, loaded }: { doc: Y.Doc; canWrite: boolean; loaded: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    return bindTextControl(textarea, doc.getText(NOTES_FIELD));
  }, [doc]);

  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t.notesLabel}
      </label>
      <p className={canWrite ? 'field__hint' : 'field__hint field__hint--readonly'} id={hintId}>
        {canWrite ? t.notesHint : t.readOnlyNote}
      </p>
      <textarea
        ref={ref}
        id={id}
        className="field__textarea"
        aria-describedby={hintId}
        // Writers wait for the first sync, so nothing is typed into an empty copy of the document.
        readOnly={!canWrite || !loaded}
        aria-busy={!loaded}
        spellCheck
        rows={14}
        data-testid="notes"
      />
    </div>
  );
}
