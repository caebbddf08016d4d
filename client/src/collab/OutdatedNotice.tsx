/**
 * Shown when the server closed the connection because this page speaks an older collaboration protocol
 * (CloseCode.OutdatedClient): reconnecting cannot help, reloading the page loads the new version.
 */
import { t } from '../i18n';

export function OutdatedNotice({ reload = () => window.location.reload() }: { reload?: () => void }) {
  return (
    <div role="alert" className="notice notice--warning" data-testid="outdated-client">
      <p>{t.outdatedClient}</p>
      <button type="button" className="button" onClick={reload}>
        {t.reloadPage}
      </button>
    </div>
  );
}
