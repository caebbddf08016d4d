/**
 * The bell in the header, for everyone (professionals, young people, parents, directors): how many
 * unread inbox items (and how many urgent), opening a panel with the newest unread and a link to the
 * whole inbox. A disclosure button (aria-expanded); Escape and a click outside close it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { AppLink, paths } from '../../app/router';
import { Heading, Paragraph } from '../../components/ui';
import { InboxList } from './InboxList';
import { isUrgent, m } from './messages';
import { reloadInbox, useInbox } from './useInbox';
import './inbox.css';

const PANEL_ITEMS = 5;

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export function InboxBell() {
  const { inbox, status, error } = useInbox();
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unreadItems = inbox.items.filter((i) => i.readAt === null);
  const total = inbox.unread;
  const urgent = unreadItems.filter(isUrgent).length;

  useEffect(() => {
    if (!open) return;
    void reloadInbox();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const countText = m.bellCount(total) + (urgent > 0 ? `, ${m.bellUrgent(urgent)}` : '');
  return (
    <div className="bell" ref={wrap}>
      <button
        ref={button}
        type="button"
        className={urgent > 0 ? 'bell__button bell__button--urgent' : 'bell__button'}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
        data-total={total}
        data-urgent={urgent}
        data-status={status}
      >
        <BellIcon />
        <span className="visually-hidden">{m.bellLabel}: </span>
        <span className="bell__count" aria-live="polite">
          <span aria-hidden="true">{total}</span>
          <span className="visually-hidden">{countText}</span>
        </span>
        {urgent > 0 && (
          <span className="bell__urgent" aria-hidden="true">
            ! {urgent}
          </span>
        )}
      </button>
      {open && (
        <section id={`${id}-panel`} className="bell__panel" aria-labelledby={`${id}-title`}>
          <div className="bell__panel-head">
            <Heading level={2} size="level-4" id={`${id}-title`}>
              {m.panelTitle}
            </Heading>
            <button type="button" className="bell__close" onClick={() => setOpen(false)}>
              {m.close}
            </button>
          </div>
          {status === 'loading' && <Paragraph>{m.loading}</Paragraph>}
          {status === 'error' && <p role="alert">{`${m.loadFailed} ${error ?? ''}`}</p>}
          {status === 'ready' &&
            (unreadItems.length === 0 ? (
              <Paragraph>{m.noneNew}</Paragraph>
            ) : (
              <InboxList items={unreadItems.slice(0, PANEL_ITEMS)} onNavigate={() => setOpen(false)} />
            ))}
          <AppLink to={paths.inbox()} className="bell__all" onClick={() => setOpen(false)}>
            {m.allItems}
          </AppLink>
        </section>
      )}
    </div>
  );
}
