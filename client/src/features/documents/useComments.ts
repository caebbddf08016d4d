/**
 * The comments of one document, kept fresh: re-read when the server says comments on this document
 * changed (`case:changed` in the case room), and — as a fallback while that event is not there or the
 * socket is down — when the window gets focus and every 15 seconds while the page is visible.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCaseRooms, useLiveEvent } from '../../app/rooms';
import { fetchComments } from './api';
import { type CommentView, type Thread, threadsBySection } from './comments';

const POLL_MS = 15_000;

export interface CommentsState {
  comments: CommentView[];
  threads: Map<string, Thread[]>;
  loaded: boolean;
  reload(): Promise<void>;
}

export function useComments(caseId: string, documentId: string): CommentsState {
  const [comments, setComments] = useState<CommentView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const list = await fetchComments(documentId);
      if (ticket === latest.current) {
        setComments(list);
        setLoaded(true);
      }
    } catch {
      // offline or a passing problem: keep what we have; the next trigger tries again
    }
  }, [documentId]);

  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, POLL_MS);
    return () => {
      window.removeEventListener('focus', onFocus);
      clearInterval(timer);
    };
  }, [reload]);

  useCaseRooms([caseId]);
  useLiveEvent('case:changed', (e) => {
    // null: reconnected, comments may have been missed meanwhile.
    if (!e || (e.caseId === caseId && e.kind === 'comments' && (!e.documentId || e.documentId === documentId)))
      void reload();
  });

  const threads = useMemo(() => threadsBySection(comments), [comments]);
  return { comments, threads, loaded, reload };
}
