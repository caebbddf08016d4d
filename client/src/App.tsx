import { lazy, Suspense } from 'react';
import { AuthProvider } from './app/auth';
import { Routes } from './app/Routes';
import { AccessProblem } from './components/AccessProblem';
import { Layout } from './components/Layout';
import { t } from './i18n';
import type { Session } from './session';

// The single-document page brings Yjs and the editor: loaded only for such a link, never for the login.
const DocumentPage = lazy(() => import('./components/DocumentPage').then((m) => ({ default: m.DocumentPage })));

/**
 * Two ways in: the app with login (cases, documents, meetings), or — for a shared demo or benchmark
 * document opened with `/?doc=<id>#token=<jwt>` — the single-document page of the foundation.
 */
export function App({ session }: { session: Session }) {
  switch (session.kind) {
    case 'start':
      return (
        <AuthProvider>
          <Routes />
        </AuthProvider>
      );
    case 'invalid-link':
      return (
        <Layout>
          <AccessProblem message={t.invalidLink} />
        </Layout>
      );
    case 'document':
      return (
        <Suspense fallback={null}>
          <DocumentPage
            documentId={session.documentId}
            token={session.token}
            claims={session.claims}
            access={session.access}
          />
        </Suspense>
      );
  }
}
