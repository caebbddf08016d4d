import { AccessProblem } from './components/AccessProblem';
import { DocumentPage } from './components/DocumentPage';
import { Layout } from './components/Layout';
import { StartPage } from './components/StartPage';
import { t } from './i18n';
import type { Session } from './session';

export function App({ session }: { session: Session }) {
  switch (session.kind) {
    case 'start':
      return (
        <Layout>
          <StartPage />
        </Layout>
      );
    case 'invalid-link':
      return (
        <Layout>
          <AccessProblem message={t.invalidLink} />
        </Layout>
      );
    case 'document':
      return (
        <DocumentPage
          documentId={session.documentId}
          token={session.token}
          claims={session.claims}
          access={session.access}
        />
      );
  }
}
