import type { ReactNode } from 'react';
import { t } from '../i18n';

/** Page frame: banner with the product name, then the page's own content. */
export function Layout({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t.appName}</span>
            <span className="brand__tagline">{t.tagline}</span>
          </p>
          {aside}
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
