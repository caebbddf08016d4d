/**
 * Asked at logout when some changes exist only in this browser: which documents, and the choice.
 * Staying logged in is the default (focused, and what Escape and the close button do), because
 * leaving deletes those changes for good.
 *
 * Our ModalDialog (components/ui) on a native <dialog>, like features/versions/Modal.tsx; not that
 * component itself, which would bring the versions feature's texts into the first download.
 */

import { parseDocumentId } from '@samenspraak/shared';
import { useEffect, useId, useRef } from 'react';
import { documentLabel } from '../collab/openDocuments';
import { Button, Heading, ModalDialog, Paragraph, UnorderedList } from '../components/ui';
import { m } from './messages';

/** The page's own name for the document when it was open in this tab, else what the id says. */
function labelOf(userId: string, documentId: string): string {
  const known = documentLabel(userId, documentId);
  if (known) return known;
  const type = parseDocumentId(documentId)?.type;
  return (type && m.earlierDocument[type]) || m.earlierUnknown;
}

export function LogoutDialog(props: {
  open: boolean;
  userId: string;
  documentIds: readonly string[];
  busy: boolean;
  onStay(): void;
  onLeave(): void;
}) {
  const stay = useRef<HTMLButtonElement>(null);
  // After the dialog's own effect opened it (child effects run first), so this focus wins.
  useEffect(() => {
    if (props.open) stay.current?.focus();
  }, [props.open]);
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;
  const titleId = useId();
  return (
    <ModalDialog open={props.open} aria-labelledby={titleId} onClose={props.onStay} data-testid="logout-dialog">
      {props.open && (
        <>
          <ModalDialog.Header closeButtonAccessibleName={m.closeAndStay}>
            <Heading level={2} size="level-3" id={titleId}>
              {m.unsavedTitle}
            </Heading>
          </ModalDialog.Header>
          <ModalDialog.Body className="stack">
            <Paragraph>{m.unsavedIntro}</Paragraph>
            <UnorderedList data-testid="logout-unsaved-documents">
              {props.documentIds.map((id) => (
                <UnorderedList.Item key={id}>{labelOf(props.userId, id)}</UnorderedList.Item>
              ))}
            </UnorderedList>
            <Paragraph>{online ? m.unsavedOnline : m.unsavedOffline}</Paragraph>
            <Paragraph>
              <strong>{m.unsavedWarning}</strong>
            </Paragraph>
          </ModalDialog.Body>
          <ModalDialog.Footer>
            <div className="shell__dialog-buttons">
              <Button ref={stay} onClick={props.onStay} disabled={props.busy}>
                {m.stayLoggedIn}
              </Button>
              <Button variant="secondary" onClick={props.onLeave} disabled={props.busy}>
                {props.busy ? m.logoutLeaving : m.logoutAnyway}
              </Button>
            </div>
          </ModalDialog.Footer>
        </>
      )}
    </ModalDialog>
  );
}
