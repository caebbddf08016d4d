/**
 * Live updates for any page: rooms joined while mounted, and server events. Room joins are counted per
 * tab (socket.io rooms belong to the socket, not to a component), so a room is left only when the last
 * component that needs it unmounts; every room kind (case, meeting) goes through the same count. After a
 * reconnect the rooms are joined again and `useLiveEvent` listeners get `null`: events may have been
 * missed, re-read.
 *
 * The socket's methods are always called on the socket itself (a detached `emit`/`on` loses `this`).
 */
import type { ClientToServerEvents, ServerToClientEvents } from '@samenspraak/shared';
import { useEffect, useRef } from 'react';
import { realtime } from './realtime';

type RoomEvent = 'case:join' | 'case:leave' | 'meeting:join' | 'meeting:leave';
type RoomPayload<E extends RoomEvent> = Parameters<ClientToServerEvents[E]>[0];

const joined = new Map<string, number>();

function retainRoom(join: RoomEvent, leave: RoomEvent, payload: unknown): () => void {
  const s = realtime();
  // socket.io's typed emit cannot relate an event name held in a variable to its payload.
  const emit = (event: RoomEvent) => (s.emit as (e: string, p: unknown) => void).call(s, event, payload);
  const key = `${join}\n${JSON.stringify(payload)}`;
  const onConnect = () => emit(join);
  const count = joined.get(key) ?? 0;
  joined.set(key, count + 1);
  if (count === 0 && s.connected) emit(join);
  s.on('connect', onConnect);
  return () => {
    s.off('connect', onConnect);
    const left = (joined.get(key) ?? 1) - 1;
    if (left > 0) {
      joined.set(key, left);
      return;
    }
    joined.delete(key);
    if (s.connected) emit(leave);
  };
}

/** Keeps this tab in the rooms of `caseIds` while mounted (order and duplicates do not matter). */
export function useCaseRooms(caseIds: readonly string[]): void {
  const key = [...new Set(caseIds)].sort().join('\n');
  useEffect(() => {
    if (key === '') return;
    const releases = key.split('\n').map((caseId) => retainRoom('case:join', 'case:leave', { caseId }));
    return () => {
      for (const release of releases) release();
    };
  }, [key]);
}

/** Keeps this tab in one room of another kind (a meeting) while mounted; `null` joins nothing. */
export function useRoom<J extends RoomEvent, L extends RoomEvent>(
  join: J,
  leave: L,
  payload: RoomPayload<J> | null,
): void {
  const key = payload === null ? null : JSON.stringify(payload);
  useEffect(() => {
    if (key === null) return;
    return retainRoom(join, leave, JSON.parse(key));
  }, [join, leave, key]);
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
