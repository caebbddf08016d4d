/**
 * Live re-reads for a case: joins the case room while mounted and calls `onChange` on `case:changed`
 * events of the given kinds (and after a reconnect, when events may have been missed). socket.io rooms
 * are per socket, not per component, so joins are counted: the room is left only when the last
 * component of this tab that needs it unmounts.
 */
import type { CaseChanged } from '@samenspraak/shared';
import { useEffect, useRef } from 'react';
import { realtime, useRealtimeEvent } from '../../app/realtime';

const joined = new Map<string, number>();

function retain(caseId: string): () => void {
  const s = realtime();
  // Bound: socket.io's emit needs its socket as `this`.
  const emit = (s.emit as (e: string, p: unknown) => void).bind(s);
  const join = () => emit('case:join', { caseId });
  const count = joined.get(caseId) ?? 0;
  joined.set(caseId, count + 1);
  if (count === 0 && s.connected) join();
  s.on('connect', join);
  return () => {
    s.off('connect', join);
    const left = (joined.get(caseId) ?? 1) - 1;
    if (left <= 0) {
      joined.delete(caseId);
      if (s.connected) emit('case:leave', { caseId });
    } else {
      joined.set(caseId, left);
    }
  };
}

export function useCaseLive(
  caseId: string | null,
  kinds: readonly CaseChanged['kind'][],
  onChange: (event: CaseChanged | null) => void,
): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  const kindsKey = kinds.join(',');

  useEffect(() => {
    if (!caseId) return;
    const release = retain(caseId);
    const s = realtime();
    // After a (re)connect the room is joined again; events in between may be lost, so re-read.
    const onReconnect = () => handler.current(null);
    s.on('connect', onReconnect);
    return () => {
      s.off('connect', onReconnect);
      release();
    };
  }, [caseId]);

  useRealtimeEvent('case:changed', (event) => {
    if (!caseId || event.caseId !== caseId) return;
    if (!kindsKey.split(',').includes(event.kind)) return;
    handler.current(event);
  });
}
