/**
 * Around every page of one case: when the server says this person's access to the case ended while the
 * page is open (the access sweep's `error` with `accessEnded`, live/accessSweep.ts) — consent withdrawn,
 * taken off the case, the case destroyed, a participation ended — the page's content goes at once: the
 * page is unmounted (its Yjs document and connections closed), this person's local copies of the case's
 * documents are deleted from this browser, and a page says why in plain words.
 *
 * The guard also keeps the tab in the case room while the page is open, so every page of the case (also
 * one that joins no room itself) hears it. A page someone never had access to is not this: the server
 * answers that join with an error without `accessEnded`, and the page shows its own "not found".
 */
import type { AccessEndReason, RealtimeError } from '@samenspraak/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { useUser } from '../../app/auth';
import { realtime } from '../../app/realtime';
import { useCaseRooms } from '../../app/rooms';
import { paths, RouterLink } from '../../app/router';
import { copiesOf, localCopies, localCopyName } from '../../collab/localCopies';
import { databaseNames, deleteDatabases } from '../../collab/localCopyStore';
import { Heading, Paragraph, StandaloneLink } from '../../components/ui';
import { m } from './messages';
import './rights.css';

/** Deletes this person's local copies of the case's documents (`<caseId>.<type>[.<id>]`), unsaved changes too. */
export async function wipeCaseCopies(userId: string, caseId: string): Promise<void> {
  const record = localCopies();
  const known = record.of(userId);
  const ofCase = (id: string) => id.startsWith(`${caseId}.`);
  const targets = [
    ...new Set([...copiesOf(userId, await databaseNames(), known), ...known.copies, ...known.pending]),
  ].filter(ofCase);
  if (targets.length === 0) return;
  // The case's copies only (abandoning would overwrite the record of other cases' unsaved copies).
  for (const id of targets) record.clearPending(userId, id);
  const outcome = await deleteDatabases(
    targets.map((id) => localCopyName(userId, id)),
    3000,
  );
  record.deleted(
    userId,
    targets.filter((id) => outcome.deleted.includes(localCopyName(userId, id))),
  );
}

export function CaseAccessGuard({ caseId, children }: { caseId: string; children: ReactNode }) {
  const user = useUser();
  const [ended, setEnded] = useState<AccessEndReason | null>(null);
  useCaseRooms(ended ? [] : [caseId]);

  useEffect(() => {
    const socket = realtime();
    const onError = (e: RealtimeError) => {
      if (e.accessEnded?.caseId === caseId) setEnded(e.accessEnded.reason);
    };
    socket.on('error', onError);
    return () => {
      socket.off('error', onError);
    };
  }, [caseId]);

  // After the page has unmounted (its copies are closed), so the browser can delete them.
  useEffect(() => {
    if (ended) void wipeCaseCopies(user.id, caseId);
  }, [ended, user.id, caseId]);

  useEffect(() => {
    if (ended) document.title = `${m.endedTitle} — Samenspraak`;
  }, [ended]);

  if (!ended) return <>{children}</>;
  return (
    <section className="stack access-ended" aria-labelledby="access-ended-title" data-testid="access-ended">
      <Heading level={1} id="access-ended-title">
        {m.endedTitle}
      </Heading>
      <div role="alert" className="stack">
        <Paragraph>{m.endedWhy[ended]}</Paragraph>
        <Paragraph>{m.endedCleared}</Paragraph>
      </div>
      <Paragraph>{m.endedAsk}</Paragraph>
      <StandaloneLink linkComponent={RouterLink} href={paths.overview()}>
        {m.endedBack}
      </StandaloneLink>
    </section>
  );
}
