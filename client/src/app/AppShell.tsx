/**
 * The frame of every logged-in page: skip link, header with the product name, main menu and the user,
 * then the page. Built from Samenspraak's component set (components/ui: NL Design System community
 * components with our own theme).
 */

import { MONITOR_ROLES } from '@samenspraak/shared';
import { SkipLink } from '@utrecht/component-library-react';
import { lazy, type ReactNode, Suspense } from 'react';
import { Button, Paragraph } from '../components/ui';
import { Wordmark } from '../components/ui/Wordmark';
import { lang, roleLabel, t } from '../i18n';
import { useAuth } from './auth';
import { m } from './messages';
import { AppLink, paths } from './router';
import { useLogoutFlow } from './useLogoutFlow';

// Only a logged-in person has a bell and a logout dialog: the login page does without their code.
const InboxBell = lazy(() => import('../features/inbox/InboxBell').then((m) => ({ default: m.InboxBell })));
const LogoutDialog = lazy(() => import('./LogoutDialog').then((m) => ({ default: m.LogoutDialog })));

export function AppShell({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const user = state.status === 'authenticated' ? state.user : null;
  const logout = useLogoutFlow(user?.id ?? null);
  const { phase } = logout;
  const busyText = phase.kind === 'saving' ? m.logoutSaving : phase.kind === 'leaving' ? m.logoutLeaving : '';
  const otherLang = lang === 'nl' ? 'en' : 'nl';
  const switchHref = `${location.pathname}?lang=${otherLang}`;
  return (
    <div className="shell">
      <SkipLink className="utrecht-skip-link--visible-on-focus shell__skip" href="#inhoud">
        {m.skipToContent}
      </SkipLink>
      <header className="shell__header">
        <div className="shell__header-inner">
          <AppLink to={paths.overview()} className="shell__brand">
            <Wordmark name={t.appName} />
          </AppLink>
          {user && (
            <nav aria-label={m.mainNav} className="shell__nav">
              <AppLink to={paths.overview()}>{user.kind === 'client' ? m.navStart : m.navCases}</AppLink>
              {user.role && MONITOR_ROLES.includes(user.role) && <AppLink to={paths.monitor()}>{m.navMonitor}</AppLink>}
              {user.role === 'beheerder' && <AppLink to={paths.beheer()}>{m.navBeheer}</AppLink>}
              <AppLink to={paths.account()}>{m.navAccount}</AppLink>
              {user.role === 'beheerder' && <AppLink to={paths.mails()}>{m.navMails}</AppLink>}
              {user.role === 'beheerder' && <AppLink to={paths.regionSettings()}>{m.navRegion}</AppLink>}
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
            {user && (
              <Suspense fallback={null}>
                <InboxBell />
              </Suspense>
            )}
            <a href={switchHref} lang={otherLang} className="shell__lang">
              {m.language}
            </a>
            {user && (
              <Button variant="secondary" onClick={logout.start} disabled={phase.kind !== 'idle'}>
                {busyText || m.logout}
              </Button>
            )}
            {user && (
              <span role="status" className="visually-hidden">
                {busyText}
              </span>
            )}
          </div>
        </div>
      </header>
      {/* While logging out the documents are closed under the page: nothing there may be changed. */}
      <main id="inhoud" className="shell__main" tabIndex={-1} inert={phase.kind === 'leaving'}>
        {children}
      </main>
      {user && (
        <Suspense fallback={null}>
          <LogoutDialog
            open={phase.kind === 'asking' || (phase.kind === 'leaving' && phase.unsaved.length > 0)}
            userId={user.id}
            documentIds={phase.kind === 'asking' || phase.kind === 'leaving' ? phase.unsaved : []}
            busy={phase.kind === 'leaving'}
            onStay={logout.stay}
            onLeave={logout.leave}
          />
        </Suspense>
      )}
    </div>
  );
}
