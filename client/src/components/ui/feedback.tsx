/**
 * Buttons, messages, dialogs and tables of Samenspraak's component set, on the NL Design System
 * community components (@utrecht/component-library-react).
 */
import {
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Alert as UtrechtAlert,
  Button as UtrechtButton,
  Table as UtrechtTable,
} from '@utrecht/component-library-react';
import {
  type ButtonHTMLAttributes,
  type DialogHTMLAttributes,
  forwardRef,
  type HTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type TableHTMLAttributes,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { cx } from './cx';
import { Heading } from './text';

type Variant = 'primary' | 'secondary' | 'tertiary';
const appearanceOf = {
  primary: 'primary-action-button',
  secondary: 'secondary-action-button',
  tertiary: 'subtle-button',
} as const;

export const Button = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }>(
  ({ variant = 'primary', type = 'button', ...rest }, ref) => (
    <UtrechtButton ref={ref} type={type} appearance={appearanceOf[variant]} {...rest} />
  ),
);
Button.displayName = 'Button';

const typeOf = { error: 'error', warning: 'warning', success: 'ok' } as const;

function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role'> {
  heading: ReactNode;
  headingLevel: 1 | 2 | 3 | 4 | 5 | 6;
  severity?: keyof typeof typeOf;
  /** alert or status makes the message a live region; without it the message is only shown. */
  role?: 'alert' | 'status';
  closeable?: boolean;
  closeButtonLabel?: string;
  onClose?: () => void;
}

/** A message block with a heading. Utrecht gives every alert a live role by default; here only when asked. */
export function Alert({
  heading,
  headingLevel,
  severity,
  role,
  closeable,
  closeButtonLabel = 'Sluiten',
  onClose,
  children,
  className,
  ...rest
}: AlertProps) {
  return (
    <UtrechtAlert
      type={severity ? typeOf[severity] : 'info'}
      role={role ?? 'none'}
      className={cx('samenspraak-alert', className)}
      {...rest}
    >
      <div className="samenspraak-alert__head">
        <Heading level={headingLevel} size="level-4">
          {heading}
        </Heading>
        {closeable && (
          <UtrechtButton
            appearance="subtle-button"
            className="samenspraak-icon-button"
            onClick={onClose}
            aria-label={closeButtonLabel}
          >
            <CloseIcon />
          </UtrechtButton>
        )}
      </div>
      {children}
    </UtrechtAlert>
  );
}

function closeDialog(event: MouseEvent<HTMLElement>) {
  event.currentTarget.closest('dialog')?.close();
}

/**
 * A modal window on a native <dialog>: `open` calls showModal()/close(), so focus moves in, Escape
 * closes it (firing onClose) and the rest of the page is inert. Utrecht 14 has no modal dialog.
 */
const ModalDialogRoot = forwardRef<HTMLDialogElement, DialogHTMLAttributes<HTMLDialogElement>>(
  ({ open, className, children, ...rest }, ref) => {
    const inner = useRef<HTMLDialogElement>(null);
    useImperativeHandle(ref, () => inner.current as HTMLDialogElement);
    useEffect(() => {
      const dialog = inner.current;
      if (!dialog || open === undefined) return;
      if (open && !dialog.open) dialog.showModal();
      else if (!open && dialog.open) dialog.close();
    }, [open]);
    return (
      <dialog ref={inner} className={cx('samenspraak-dialog', className)} {...rest}>
        {children}
      </dialog>
    );
  },
);
ModalDialogRoot.displayName = 'ModalDialog';

function DialogHeader({
  closeButtonAccessibleName = 'Sluiten',
  children,
}: {
  closeButtonAccessibleName?: string;
  children: ReactNode;
}) {
  return (
    <header className="samenspraak-dialog__header">
      {children}
      <UtrechtButton
        appearance="subtle-button"
        className="samenspraak-icon-button"
        aria-label={closeButtonAccessibleName}
        onClick={closeDialog}
      >
        <CloseIcon />
      </UtrechtButton>
    </header>
  );
}

export const ModalDialog = Object.assign(ModalDialogRoot, {
  Header: DialogHeader,
  Body: ({ className, ...rest }: HTMLAttributes<HTMLDivElement>) => (
    <div className={cx('samenspraak-dialog__body', className)} {...rest} />
  ),
  Footer: ({ className, ...rest }: HTMLAttributes<HTMLElement>) => (
    <footer className={cx('samenspraak-dialog__footer', className)} {...rest} />
  ),
});

/**
 * A table in a scroll box. Only while the table is wider than its box (a wide table on a phone) is the
 * box a keyboard stop (WCAG 2.1.1), then as a named region (the table's caption, or "Tabel"): a tab stop
 * that scrolls nothing, or a focusable box without a fitting role, is noise (axe focus-order-semantics).
 */
function TableRoot(props: TableHTMLAttributes<HTMLTableElement>) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  const caption = props['aria-labelledby'];
  const region = overflows
    ? {
        role: 'region',
        tabIndex: 0,
        'aria-labelledby': caption,
        'aria-label': caption ? undefined : (props['aria-label'] ?? 'Tabel'),
      }
    : {};
  return (
    <div ref={box} className="samenspraak-table-scroll" {...region}>
      <UtrechtTable {...props} />
    </div>
  );
}

/**
 * The header row of a table, one column header per title. The roles are written out because a stacked
 * table (`stacked-table`, one card per row on a phone) is restyled with display: block, which drops them.
 */
function ColumnHeaders({ columns }: { columns: readonly string[] }) {
  return (
    <TableHeader role="rowgroup">
      <TableRow role="row">
        {columns.map((title) => (
          <TableHeaderCell key={title} scope="col" role="columnheader">
            {title}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

export const Table = Object.assign(TableRoot, {
  ColumnHeaders,
  Body: TableBody,
  Caption: TableCaption,
  Cell: TableCell,
  Header: TableHeader,
  HeaderCell: TableHeaderCell,
  Row: TableRow,
});
