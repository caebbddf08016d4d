/**
 * A small History-API router: the routes of the app as data, `navigate()` for code, `<AppLink>` for
 * links (real `<a href>` so they work with the keyboard, middle-click and screen readers).
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

export type Route =
  | { name: 'overview' }
  | { name: 'start' }
  | { name: 'login' }
  | { name: 'invitation'; invitationId: string }
  | { name: 'case'; caseId: string }
  | { name: 'document'; caseId: string; type: 'analysis' | 'futurePlan' }
  | { name: 'meeting'; caseId: string; meetingId: string }
  | { name: 'breakthrough'; caseId: string }
  | { name: 'rights'; caseId: string }
  | { name: 'monitor' }
  | { name: 'inbox' }
  | { name: 'beheer' }
  | { name: 'beheerCases' }
  | { name: 'account' }
  | { name: 'activation'; token: string }
  | { name: 'forgotPassword' }
  | { name: 'resetPassword'; token: string }
  | { name: 'mails' }
  | { name: 'register'; consultationId: string | null }
  | { name: 'consultation' }
  | { name: 'consultations'; consultationId: string | null }
  | { name: 'regionSettings' }
  | { name: 'notFound' };

const DOC_SLUGS = { analyse: 'analysis', toekomstplan: 'futurePlan' } as const;

/** Path → route. Dutch paths: they show in the address bar of Dutch users. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d] = parts;
  if (parts.length === 0) return { name: 'overview' };
  if (a === 'inloggen' && parts.length === 1) return { name: 'login' };
  if (a === 'monitor' && parts.length === 1) return { name: 'monitor' };
  if (a === 'inbox' && parts.length === 1) return { name: 'inbox' };
  if (a === 'start' && parts.length === 1) return { name: 'start' };
  if (a === 'beheer' && b === 'mails' && parts.length === 2) return { name: 'mails' };
  if (a === 'consultatie' && parts.length === 1) return { name: 'consultation' };
  if (a === 'consultaties' && parts.length <= 2) return { name: 'consultations', consultationId: b ?? null };
  // Before '/zaken/:caseId': "nieuw" is the registration form, never a case id (ids are UUIDs).
  if (a === 'zaken' && b === 'nieuw' && parts.length === 2)
    return {
      name: 'register',
      consultationId: typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('consultatie'),
    };
  if (a === 'beheer' && b === 'regio' && parts.length === 2) return { name: 'regionSettings' };
  if (a === 'uitnodiging' && b && parts.length === 2) return { name: 'invitation', invitationId: b };
  if (a === 'beheer' && parts.length === 1) return { name: 'beheer' };
  if (a === 'beheer' && b === 'zaken' && parts.length === 2) return { name: 'beheerCases' };
  if (a === 'account' && parts.length === 1) return { name: 'account' };
  if (a === 'activeren' && b && parts.length === 2) return { name: 'activation', token: b };
  if (a === 'wachtwoord-vergeten' && parts.length === 1) return { name: 'forgotPassword' };
  if (a === 'wachtwoord-herstellen' && b && parts.length === 2) return { name: 'resetPassword', token: b };
  if (a === 'zaken' && b) {
    if (parts.length === 2) return { name: 'case', caseId: b };
    if (parts.length === 3 && c && c in DOC_SLUGS)
      return { name: 'document', caseId: b, type: DOC_SLUGS[c as keyof typeof DOC_SLUGS] };
    if (parts.length === 3 && c === 'doorbraak') return { name: 'breakthrough', caseId: b };
    if (parts.length === 3 && c === 'rechten') return { name: 'rights', caseId: b };
    if (parts.length === 4 && c === 'overleg' && d) return { name: 'meeting', caseId: b, meetingId: d };
  }
  return { name: 'notFound' };
}

export const paths = {
  overview: () => '/',
  login: () => '/inloggen',
  monitor: () => '/monitor',
  inbox: () => '/inbox',
  start: () => '/start',
  beheer: () => '/beheer',
  account: () => '/account',
  forgotPassword: () => '/wachtwoord-vergeten',
  mails: () => '/beheer/mails',
  register: (consultationId?: string) =>
    consultationId ? `/zaken/nieuw?consultatie=${encodeURIComponent(consultationId)}` : '/zaken/nieuw',
  consultation: () => '/consultatie',
  consultations: (id?: string) => (id ? `/consultaties/${encodeURIComponent(id)}` : '/consultaties'),
  regionSettings: () => '/beheer/regio',
  case: (caseId: string) => `/zaken/${encodeURIComponent(caseId)}`,
  document: (caseId: string, type: 'analysis' | 'futurePlan') =>
    `/zaken/${encodeURIComponent(caseId)}/${type === 'analysis' ? 'analyse' : 'toekomstplan'}`,
  meeting: (caseId: string, meetingId: string) =>
    `/zaken/${encodeURIComponent(caseId)}/overleg/${encodeURIComponent(meetingId)}`,
  breakthrough: (caseId: string) => `/zaken/${encodeURIComponent(caseId)}/doorbraak`,
  rights: (caseId: string) => `/zaken/${encodeURIComponent(caseId)}/rechten`,
};

const listeners = new Set<() => void>();
function emit() {
  for (const l of listeners) l();
}
if (typeof window !== 'undefined') window.addEventListener('popstate', emit);

/** Keeps `?lang=` when moving around, so an English session stays English. */
function withLang(path: string): string {
  if (typeof location === 'undefined') return path;
  const langParam = new URLSearchParams(location.search).get('lang');
  if (!langParam || path.includes('?')) return path;
  return `${path}?lang=${encodeURIComponent(langParam)}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = withLang(path);
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  window.scrollTo(0, 0);
  emit();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => location.pathname,
  );
  return parseRoute(pathname);
}

/** An in-app link: a normal anchor that navigates without a page load. */
export function AppLink({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const href = withLang(to);
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

/** An in-app link in the shape design-system components expect of `linkComponent` (an `href` prop). */
export function RouterLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <AppLink to={href ?? '/'} {...rest} />;
}
