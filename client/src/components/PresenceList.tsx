import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from '../collab/presence';
import { roleLabel, t } from '../i18n';

/** "Nu aanwezig: …" — the other people who have this document open. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const peers = usePeers(awareness);
  return (
    <section className="presence" aria-labelledby="presence-label" data-testid="presence">
      <h2 className="presence__label" id="presence-label">
        {t.presenceLabel}
      </h2>
      {peers.length === 0 ? (
        <p className="presence__empty">{t.presenceOnlyYou}</p>
      ) : (
        <ul className="presence__list">
          {peers.map(({ clientId, user }) => (
            <li key={clientId} className="presence__person">
              <span className="presence__avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
                {initials(user.name)}
              </span>
              <span className="presence__name">{user.name}</span>
              <span className="presence__role">({roleLabel(user.role)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
