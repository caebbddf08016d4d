import type { DocumentAccess } from '@samenspraak/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { type CollabConnection, connectDocument, useCollabStatus } from '../collab/connection';
import { OutdatedNotice } from '../collab/OutdatedNotice';
import { colorFor, setLocalUser } from '../collab/presence';
import { roleLabel, t } from '../i18n';
import type { TokenClaims } from '../session';
import { AccessProblem } from './AccessProblem';
import { Layout } from './Layout';
import { NotesEditor } from './NotesEditor';
import { PresenceList } from './PresenceList';
import { SaveStatus } from './SaveStatus';

interface DocumentPageProps {
  documentId: string;
  token: string;
  claims: TokenClaims;
  access: DocumentAccess | null;
}

export function DocumentPage({ documentId, token, claims, access }: DocumentPageProps) {
  const [connection, setConnection] = useState<CollabConnection | null>(null);

  useEffect(() => {
    const next = connectDocument({ documentId, token });
    setLocalUser(next.awareness, { name: claims.name, role: claims.role, color: colorFor(claims.sub) });
    setConnection(next);
    return () => next.destroy();
  }, [documentId, token, claims]);

  const canWrite = access === 'write';
  const userBadge = <UserBadge name={claims.name} role={claims.role} canWrite={canWrite} />;
  if (!connection) {
    return (
      <Layout aside={userBadge}>
        <DocumentHeading documentId={documentId} />
      </Layout>
    );
  }
  return (
    <ConnectedDocument connection={connection} documentId={documentId} canWrite={canWrite} userBadge={userBadge} />
  );
}

const DENIED_MESSAGES = {
  unauthenticated: t.deniedUnauthenticated,
  expired: t.deniedExpired,
  forbidden: t.deniedForbidden,
  revoked: t.deniedRevoked,
  'bad-document': t.deniedBadDocument,
} as const;

const PROBLEM_MESSAGES = {
  'rate-limited': t.problemRateLimited,
  'store-unavailable': t.problemStoreUnavailable,
  'too-big': t.problemTooBig,
  invalid: t.problemInvalid,
} as const;

function ConnectedDocument({
  connection,
  documentId,
  canWrite,
  userBadge,
}: {
  connection: CollabConnection;
  documentId: string;
  canWrite: boolean;
  userBadge: ReactNode;
}) {
  const status = useCollabStatus(connection);
  if (status.denied && !status.loaded) {
    // The server did not accept the token: do not show the name and role it claims.
    return (
      <Layout>
        <AccessProblem message={DENIED_MESSAGES[status.denied]} />
      </Layout>
    );
  }
  // Access can also end during a session (token expired, access withdrawn): keep the text visible,
  // read-only, so nothing typed is lost from sight.
  const denied = status.denied;

  return (
    <Layout aside={denied ? undefined : userBadge}>
      <div className="doc-bar">
        <DocumentHeading documentId={documentId} />
        <SaveStatus status={status} />
      </div>
      {denied ? (
        <div className="notice notice--error" role="alert" data-testid="access-ended">
          <p>
            <strong>{DENIED_MESSAGES[denied]}</strong> {t.askForNewLink}
          </p>
          <p>{status.unsaved ? t.accessEndedUnsaved : t.accessEnded}</p>
        </div>
      ) : (
        <PresenceList awareness={connection.awareness} />
      )}
      {status.outdated && <OutdatedNotice />}
      {status.rejection && !denied && <RejectionNotice reason={status.rejection.reason} />}
      {status.problem && status.phase !== 'online' && !denied && (
        <p className="notice notice--warning">{PROBLEM_MESSAGES[status.problem]}</p>
      )}
      <NotesEditor doc={connection.doc} canWrite={canWrite && !denied} loaded={status.loaded} />
    </Layout>
  );
}

function RejectionNotice({ reason }: { reason: string }) {
  const retrying = reason === 'store-backpressure';
  return (
    <div className="notice notice--error" role="alert" data-testid="rejection">
      <p>{t.rejected[reason] ?? t.rejectedOther}</p>
      {!retrying && (
        <p>
          {t.reloadExplanation}{' '}
          <button type="button" className="button-link" onClick={() => window.location.reload()}>
            {t.reload}
          </button>
        </p>
      )}
    </div>
  );
}

function DocumentHeading({ documentId }: { documentId: string }) {
  return (
    <div className="doc-heading">
      <p className="eyebrow" id="doc-label">
        {t.documentLabel}
      </p>
      <h1 className="doc-title" aria-describedby="doc-label" data-testid="document-id">
        {documentId}
      </h1>
    </div>
  );
}

function UserBadge({ name, role, canWrite }: { name: string; role: string; canWrite: boolean }) {
  return (
    <p className="user-badge" data-testid="user">
      <span className="visually-hidden">{t.signedInAs} </span>
      <span className="user-badge__name">{name}</span>
      <span className="user-badge__role">
        <span className="visually-hidden">{t.roleLabel}: </span>
        {roleLabel(role)}
      </span>
      <span className={`access-tag ${canWrite ? 'access-tag--write' : 'access-tag--read'}`}>
        {canWrite ? t.accessWrite : t.accessRead}
      </span>
    </p>
  );
}
