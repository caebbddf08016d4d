/**
 * The socket.io channel at `/realtime` for live case events (comments, meetings, escalation,
 * notifications). One connection per tab, authenticated by the session cookie; pages join the rooms
 * they show through `rooms.ts` (counted per tab) and listen with `useLiveEvent` or `useRealtimeEvent`.
 * Event names and payloads are typed once in `shared/src/realtimeEvents.ts`.
 */
import { type ClientToServerEvents, REALTIME_PATH, type ServerToClientEvents } from '@samenspraak/shared';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: RealtimeSocket | null = null;
const statusListeners = new Set<() => void>();

/** The tab's socket, created on first use (after login: the cookie is what authenticates it). */
export function realtime(): RealtimeSocket {
  if (!socket) {
    socket = io({ path: REALTIME_PATH, withCredentials: true, transports: ['websocket', 'polling'] });
    const notify = () => {
      for (const l of statusListeners) l();
    };
    socket.on('connect', notify);
    socket.on('disconnect', notify);
    socket.on('connect_error', notify);
  }
  return socket;
}

/** Closes the socket (on logout): the next `realtime()` connects with the new session. */
export function closeRealtime(): void {
  socket?.disconnect();
  socket = null;
}

export function useRealtimeConnected(): boolean {
  return useSyncExternalStore(
    (l) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    () => socket?.connected ?? false,
  );
}

/**
 * Listens to a server event while the component is mounted. The handler may change between renders
 * without re-subscribing.
 */
export function useRealtimeEvent<E extends keyof ServerToClientEvents>(
  event: E,
  handler: ServerToClientEvents[E],
): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const s = realtime();
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (ref.current as (...a: unknown[]) => void)(...args)) as unknown as ServerToClientEvents[E];
    // socket.io's typed `on` cannot relate a generic event to its listener; the map above is the
    // contract. Called as methods of the socket (a detached `on` would register on nothing).
    const untyped = s as unknown as {
      on(e: string, l: unknown): void;
      off(e: string, l: unknown): void;
    };
    untyped.on(event, listener);
    return () => {
      untyped.off(event, listener);
    };
  }, [event]);
}
