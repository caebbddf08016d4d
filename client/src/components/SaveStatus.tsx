import type { CollabStatus } from '../collab/connection';
import { t } from '../i18n';

type Indicator = 'saved' | 'unsaved' | 'rejected' | 'offline' | 'connecting';

/** One honest line (two when offline with unsaved changes), announced politely to screen readers. */
export function SaveStatus({ status }: { status: CollabStatus }) {
  let indicator: Indicator;
  const lines: string[] = [];
  if (status.phase === 'denied') {
    indicator = status.unsaved ? 'rejected' : 'offline';
    lines.push(status.unsaved ? t.statusUnsaved : t.statusNotConnected);
  } else if (status.phase === 'offline') {
    indicator = 'offline';
    lines.push(t.statusOffline);
    if (status.unsaved) lines.push(t.statusUnsaved);
  } else if (status.rejection) {
    indicator = 'rejected';
    lines.push(t.statusRejected);
  } else if (status.unsaved) {
    indicator = 'unsaved';
    lines.push(t.statusUnsaved);
  } else if (status.phase === 'online' && status.saved) {
    indicator = 'saved';
    lines.push(t.statusSaved);
  } else {
    indicator = 'connecting';
    lines.push(t.statusConnecting);
  }
  return (
    <p
      className={`save-status save-status--${indicator}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={indicator}
    >
      <span className="save-status__icon" aria-hidden="true" />
      <span className="save-status__text">
        {lines.map((line, i) => (
          <span key={line} className="save-status__line">
            {i > 0 && <span className="visually-hidden"> · </span>}
            {line}
          </span>
        ))}
      </span>
    </p>
  );
}
