/** The votes on hypotheses, kept live for one document. */

import { useCallback, useEffect, useState } from 'react';
import { useLiveEvent } from '../../app/rooms';
import { fetchVotes, type VoteTally } from './api';

export interface VotesState {
  tallies: Record<string, VoteTally>;
  pending: string | null;
  failed: string | null;
  vote(hypothesisId: string, agree: boolean): void;
}

/**
 * The votes on hypotheses: everyone's current view, read when the document opens and again when
 * someone votes (live `case:changed` of kind 'endorsements' for this document), plus this person's votes.
 */
export function useVotes(
  documentId: string,
  voteFn: (documentId: string, id: string, agree: boolean) => Promise<VoteTally>,
  /** False for documents without hypotheses (or people who may not read them): nothing is fetched. */
  enabled = true,
): VotesState {
  const [tallies, setTallies] = useState<Record<string, VoteTally>>({});
  const [pending, setPending] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const reload = useCallback(() => {
    if (!enabled) return;
    fetchVotes(documentId)
      .then((list) => setTallies(Object.fromEntries(list.map((t) => [t.hypothesisId, t]))))
      .catch(() => {
        // Not allowed to read them, or offline: the tallies stay as they were; voting still answers.
      });
  }, [documentId, enabled]);
  useEffect(reload, [reload]);
  useLiveEvent('case:changed', (e) => {
    if (e === null || (e.kind === 'endorsements' && e.documentId === documentId)) reload();
  });
  return {
    tallies,
    pending,
    failed,
    vote(hypothesisId, agree) {
      setPending(hypothesisId);
      setFailed(null);
      voteFn(documentId, hypothesisId, agree)
        .then((tally) => setTallies((t) => ({ ...t, [hypothesisId]: tally })))
        .catch(() => setFailed(hypothesisId))
        .finally(() => setPending(null));
    },
  };
}
