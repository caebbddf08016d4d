/**
 * The bell in the header: how many notifications (and how many urgent), opening a panel with the list.
 * A disclosure button (aria-expanded) with a panel under it; Escape and a click outside close it.
 * Clients get no notifications (the clocks are the professionals' work lists), so it shows nothing for them.
 */

import { useEffect, useId, useRef, useState } from 'react';
import { useUser } from '../../app/auth';
import { Heading } from '../../components/ui';
import { m } from './messages';
import { NotificationList } from './NotificationList';
import { bellCounts, reloadNotifications, useNotifications } from './useNotifications';
import './notifications.css';

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

export function NotificationBell() {
  const user = useUser();
  // Clients get no notifications, and the municipality and administrators work on no cases.
  if (user.kind !== 'professional' || user.role === 'gemeente' || user.role === 'beheerder') return null;
  return <Bell />;
}

function Bell() {
  const { items, live, status, error } = useNotifications();
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { total, urgent } = bellCounts(items);

  useEffect(() => {
    if (!open) return;
    void reloadNotifications();
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
          {status === 'loading' && <p>{m.loading}</p>}
          {status === 'error' && <p role="alert">{`${m.loadFailed} ${error ?? ''}`}</p>}
          {status === 'ready' && <NotificationList items={items} live={live} onNavigate={() => setOpen(false)} />}
        </section>
      )}
    </div>
  );
}
