/**
 * Live updates of cases for any page (overview, case page, document, escalation): join a case room while mounted
 * and listen to server events. Room joins are counted per tab (socket.io rooms belong to the socket, not
 * to a component), so a room is left only when the last component that needs it unmounts. After a
 * reconnect the rooms are joined again and listeners get `null`: events may have been missed, re-read.
 *
 * The socket's methods are always called on the socket itself (a detached `emit`/`on` loses `this`).
 */
import type { ServerToClientEvents } from '@samenspraak/shared';
import { useEffect, useRef } from 'react';
import { realtime } from './realtime';

const joined = new Map<string, number>();

function retainRoom(caseId: string): () => void {
  const s = realtime();
  const join = () => {
    s.emit('case:join', { caseId });
  };
  const count = joined.get(caseId) ?? 0;
  joined.set(caseId, count + 1);
  if (count === 0 && s.connected) join();
  s.on('connect', join);
  return () => {
    s.off('connect', join);
    const left = (joined.get(caseId) ?? 1) - 1;
    if (left > 0) {
      joined.set(caseId, left);
      return;
    }
    joined.delete(caseId);
    if (s.connected) s.emit('case:leave', { caseId });
  };
}

/** Keeps this tab in the rooms of `caseIds` while mounted (order and duplicates do not matter). */
export function useCaseRooms(caseIds: readonly string[]): void {
  const key = [...new Set(caseIds)].sort().join('\n');
  useEffect(() => {
    if (key === '') return;
    const releases = key.split('\n').map(retainRoom);
    return () => {
      for (const release of releases) release();
    };
  }, [key]);
}

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Calls `handler` for every `event` from the server while mounted, and with `null` after a reconnect.
 * The handler may change between renders without re-subscribing.
 */
export function useLiveEvent<E extends 'case:changed' | 'notification'>(
  event: E,
  handler: (payload: Payload<E> | null) => void,
): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const s = realtime();
    let connectedBefore = s.connected;
    const onEvent = (payload: Payload<E>) => ref.current(payload);
    const onConnect = () => {
      if (connectedBefore) ref.current(null);
      connectedBefore = true;
    };
    // socket.io's typed `on` cannot relate a generic event to its listener; the event map is the contract.
    const on = s.on.bind(s) as (e: string, l: (...args: never[]) => void) => void;
    const off = s.off.bind(s) as (e: string, l: (...args: never[]) => void) => void;
    on(event, onEvent);
    on('connect', onConnect);
    return () => {
      off(event, onEvent);
      off('connect', onConnect);
    };
  }, [event]);
}
