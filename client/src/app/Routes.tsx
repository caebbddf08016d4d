/** Which page the current address shows; everything but login and invitations needs a session. */

import { lazy, Suspense, useEffect } from 'react';
import { Alert, Button, Heading, Paragraph } from '../components/ui';
import { AppShell } from './AppShell';
import { useAuth, useUser } from './auth';
import { InvitationPage } from './InvitationPage';
import { LoginPage } from './LoginPage';
import { m } from './messages';
import { AppLink, navigate, parseRoute, paths, type Route, useRoute } from './router';

// Every page behind the login loads when first opened, so the login page stays light on a phone (issue
// 16: < 100 kB of compressed JavaScript); the editor (Tiptap, Yjs) is a chunk of its own, so the case
// overview shows before it.
const CasesPage = lazy(() => import('../features/overview/CasesPage').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('../features/overview/CasePage').then((m) => ({ default: m.CasePage })));
const InboxPage = lazy(() => import('../features/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const ConsultationPage = lazy(() =>
  import('../features/consultation/ConsultationPage').then((m) => ({ default: m.ConsultationPage })),
);
const CaseDocumentPage = lazy(() =>
  import('../features/documents/CaseDocumentPage').then((m) => ({ default: m.CaseDocumentPage })),
);
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const BreakthroughPage = lazy(() =>
  import('../features/escalation/BreakthroughPage').then((m) => ({ default: m.BreakthroughPage })),
);
const BeheerPage = lazy(() => import('../features/accounts/BeheerPage').then((m) => ({ default: m.BeheerPage })));
const RegionCasesPage = lazy(() =>
  import('../features/accounts/RegionCasesPage').then((m) => ({ default: m.RegionCasesPage })),
);
const AccountPage = lazy(() => import('../features/accounts/AccountPage').then((m) => ({ default: m.AccountPage })));
const ActivationPage = lazy(() =>
  import('../features/accounts/ActivationPage').then((m) => ({ default: m.ActivationPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/accounts/PasswordPages').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/accounts/PasswordPages').then((m) => ({ default: m.ResetPasswordPage })),
);
const MailsPage = lazy(() => import('../features/mail/MailsPage').then((m) => ({ default: m.MailsPage })));
const RegistrationPage = lazy(() =>
  import('../features/registration/RegistrationPage').then((m) => ({ default: m.RegistrationPage })),
);
const ConsultationQueue = lazy(() =>
  import('../features/consultation/ConsultationQueue').then((m) => ({ default: m.ConsultationQueue })),
);
const RegionSettingsPage = lazy(() =>
  import('../features/regions/RegionSettingsPage').then((m) => ({ default: m.RegionSettingsPage })),
);
// Lazy like the pages it wraps: it listens on the realtime socket, which the login page must not load.
const CaseAccessGuard = lazy(() =>
  import('../features/rights/CaseAccessGuard').then((m) => ({ default: m.CaseAccessGuard })),
);
const StartPage = lazy(() => import('../features/start/StartPage').then((m) => ({ default: m.StartPage })));
const RightsPage = lazy(() => import('../features/rights/RightsPage').then((m) => ({ default: m.RightsPage })));
const MonitorPage = lazy(() => import('../features/monitor/MonitorPage').then((m) => ({ default: m.MonitorPage })));

/**
 * A case's page opened by its address (a link, a bookmark) starts loading at once, next to
 * `/api/auth/me`, not after it: on a phone each round trip saved is a few hundred milliseconds. Not
 * for `/`, where someone without a session lands on the login page and needs none of it.
 */
function preload(route: Route): void {
  if (route.name === 'case') void import('../features/overview/CasePage');
  else if (route.name === 'document') void import('../features/documents/CaseDocumentPage');
}
if (typeof location !== 'undefined' && !location.search.includes('doc=')) preload(parseRoute(location.pathname));

function Page({ route }: { route: Route }) {
  // Every page of one case clears itself and says why when access to the case ends while it is open.
  if ('caseId' in route)
    return (
      <CaseAccessGuard key={route.caseId} caseId={route.caseId}>
        <CasePages route={route} />
      </CaseAccessGuard>
    );
  return <CasePages route={route} />;
}

function CasePages({ route }: { route: Route }) {
  const user = useUser();
  switch (route.name) {
    case 'overview':
      // The young person and parents land on their start page; professionals on their cases (with their work list).
      return user.kind === 'client' ? <StartPage /> : <CasesPage />;
    case 'start':
      return <StartPage />;
    case 'case':
      return <CasePage caseId={route.caseId} />;
    case 'document':
      return <CaseDocumentPage key={`${route.caseId}/${route.type}`} caseId={route.caseId} type={route.type} />;
    case 'meeting':
      return <MeetingPage key={route.meetingId} caseId={route.caseId} meetingId={route.meetingId} />;
    case 'breakthrough':
      return <BreakthroughPage caseId={route.caseId} />;
    case 'rights':
      return <RightsPage caseId={route.caseId} />;
    case 'monitor':
      return <MonitorPage />;
    case 'inbox':
      return <InboxPage />;
    case 'beheer':
      return <BeheerPage />;
    case 'beheerCases':
      return <RegionCasesPage />;
    case 'account':
      return <AccountPage />;
    case 'mails':
      return <MailsPage />;
    case 'register':
      return <RegistrationPage consultationId={route.consultationId} />;
    case 'consultations':
      return <ConsultationQueue consultationId={route.consultationId} />;
    case 'regionSettings':
      return <RegionSettingsPage />;
    case 'login':
    case 'invitation':
    case 'activation':
    case 'forgotPassword':
    case 'resetPassword':
    case 'consultation':
      return null; // handled before the session check
    case 'notFound':
      return (
        <section className="stack">
          <Heading level={1}>{m.notFoundTitle}</Heading>
          <Paragraph>{m.notFoundBody}</Paragraph>
          <AppLink to={paths.overview()}>{m.backToCases}</AppLink>
        </section>
      );
  }
}

export function Routes() {
  const route = useRoute();
  const { state, refresh } = useAuth();

  // After logging in on the login page, go to where the user wanted to be (or the overview).
  useEffect(() => {
    if (state.status === 'authenticated' && route.name === 'login') {
      const next = new URLSearchParams(location.search).get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : paths.overview(), { replace: true });
    }
  }, [state.status, route.name]);

  // The consultation form is public: a parent or young person asks without an account.
  if (route.name === 'consultation')
    return (
      <AppShell>
        <Suspense fallback={<Paragraph>{m.loading}</Paragraph>}>
          <ConsultationPage />
        </Suspense>
      </AppShell>
    );
  if (route.name === 'invitation')
    return (
      <AppShell>
        <InvitationPage invitationId={route.invitationId} />
      </AppShell>
    );
  // Pages reached from a mail link: they work without a session (and never with someone else's).
  const linkPage =
    route.name === 'activation' ? (
      <ActivationPage key={route.token} token={route.token} />
    ) : route.name === 'forgotPassword' ? (
      <ForgotPasswordPage />
    ) : route.name === 'resetPassword' ? (
      <ResetPasswordPage key={route.token} token={route.token} />
    ) : null;
  if (linkPage)
    return (
      <AppShell>
        <Suspense fallback={<Paragraph>{m.loading}</Paragraph>}>{linkPage}</Suspense>
      </AppShell>
    );
  if (state.status === 'loading') return <AppShell>{<Paragraph>{m.loading}</Paragraph>}</AppShell>;
  if (state.status === 'offline')
    return (
      <AppShell>
        <Alert heading={m.offlineTitle} headingLevel={1} severity="error">
          <Paragraph>{state.message}</Paragraph>
          <Button onClick={() => void refresh()}>{m.retry}</Button>
        </Alert>
      </AppShell>
    );
  if (state.status === 'anonymous') {
    return (
      <AppShell>
        <LoginPage />
      </AppShell>
    );
  }
  return (
    <AppShell>
      <Suspense fallback={<Paragraph>{m.loading}</Paragraph>}>
        <Page route={route} />
      </Suspense>
    </AppShell>
  );
}
