/**
 * A modal window (our ModalDialog from components/ui, on a native <dialog>): opened and closed from state,
 * Escape and the close button close it, focus moves in when it opens and back to the button that opened
 * it when it closes, the rest of the page is inert meanwhile.
 */

import { type ReactNode, useId } from 'react';
import { Button, Heading, ModalDialog } from '../../components/ui';
import { m } from './messages';

export function Modal(props: {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons in the footer; a "Sluiten" button when left out. */
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const titleId = useId();
  return (
    <ModalDialog
      open={props.open}
      aria-labelledby={titleId}
      onClose={props.onClose}
      className={props.wide ? 'modal modal--wide' : 'modal'}
      data-testid={props.testId}
    >
      {props.open && (
        <>
          <ModalDialog.Header closeButtonAccessibleName={m.close}>
            <Heading level={2} size="level-3" id={titleId}>
              {props.title}
            </Heading>
          </ModalDialog.Header>
          <ModalDialog.Body>{props.children}</ModalDialog.Body>
          <ModalDialog.Footer>
            {props.footer ?? (
              <Button variant="secondary" onClick={props.onClose}>
                {m.close}
              </Button>
            )}
          </ModalDialog.Footer>
        </>
      )}
    </ModalDialog>
  );
}

/** Asks before an action that changes the document for everyone (sign-off, restore). */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  testId?: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      onClose={props.onCancel}
      testId={props.testId ?? 'confirm-dialog'}
      footer={
        <div className="button-row">
          <Button onClick={props.onConfirm} disabled={props.busy}>
            {props.confirmLabel}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {m.cancel}
          </Button>
        </div>
      }
    >
      {props.children}
    </Modal>
  );
}
