/**
 * The frame of every logged-in page: skip link, header with the product name, main menu and the user,
 * then the page. Built from the Amsterdam design system (NL Design System) with its tokens.
 */
import { Button, Paragraph } from '@amsterdam/design-system-react';
import { MONITOR_ROLES } from '@samenspraak/shared';
import type { ReactNode } from 'react';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { lang, roleLabel, t } from '../i18n';
import { useAuth } from './auth';
import { m } from './messages';
import { closeRealtime } from './realtime';
import { AppLink, paths } from './router';

export function AppShell({ children }: { children: ReactNode }) {
  const { state, logout } = useAuth();
  const user = state.status === 'authenticated' ? state.user : null;
  const otherLang = lang === 'nl' ? 'en' : 'nl';
  const switchHref = `${location.pathname}?lang=${otherLang}`;
  return (
    <div className="shell">
      <a className="ams-skip-link shell__skip" href="#inhoud">
        {m.skipToContent}
      </a>
      <header className="shell__header">
        <div className="shell__header-inner">
          <AppLink to={paths.overview()} className="shell__brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="shell__brand-name">{t.appName}</span>
          </AppLink>
          {user && (
            <nav aria-label={m.mainNav} className="shell__nav">
              <AppLink to={paths.overview()}>{m.navCases}</AppLink>
              {user.role && MONITOR_ROLES.includes(user.role) && <AppLink to={paths.monitor()}>{m.navMonitor}</AppLink>}
            </nav>
          )}
          <div className="shell__user">
            {user && (
              <Paragraph size="small" className="shell__who">
                <span className="visually-hidden">{m.loggedInAs} </span>
                {user.name}
                {user.role ? ` · ${roleLabel(user.role)}` : ''}
              </Paragraph>
            )}
            {user && <NotificationBell />}
            <a href={switchHref} lang={otherLang} className="shell__lang">
              {m.language}
            </a>
            {user && (
              <Button
                variant="secondary"
                onClick={() => {
                  closeRealtime();
                  void logout();
                }}
              >
                {m.logout}
              </Button>
            )}
          </div>
        </div>
      </header>
      <main id="inhoud" className="shell__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
