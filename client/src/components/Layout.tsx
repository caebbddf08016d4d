import type { ReactNode } from 'react';
import { t } from '../i18n';
import { Wordmark } from './ui/Wordmark';

/** Page frame: banner with the product name, then the page's own content. */
export function Layout({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="brand">
            <Wordmark name={t.appName} />
            <span className="brand__tagline">{t.tagline}</span>
          </p>
          {aside}
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
