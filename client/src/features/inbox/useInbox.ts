/**
 * The logged-in person's inbox: `GET /api/inbox`, re-read when the server says `inbox:changed` (items
 * added, or read on another device), after a reconnect, and every few minutes (a case one can no longer
 * see drops out without any event). One store per tab, shared by the bell and the inbox page, so the
 * count and the list always agree; each read is an access-log entry on every case it shows.
 */
import type { InboxResponse } from '@samenspraak/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { type RealtimeSocket, realtime } from '../../app/realtime';

export interface InboxState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  inbox: InboxResponse;
  error: string | null;
}

const REFRESH_MS = 5 * 60_000;
const EMPTY: InboxState = { status: 'idle', inbox: { items: [], unread: 0 }, error: null };

let state: InboxState = EMPTY;
const listeners = new Set<() => void>();
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;
let inFlight: Promise<void> | null = null;
/** Asked again while a read was under way: that read may predate the change, so read once more. */
let again = false;
let socket: RealtimeSocket | null = null;
let connectedBefore = false;

function set(next: Partial<InboxState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Reads the inbox; calls during a read are answered by one more read after it. */
export function reloadInbox(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  if (state.status === 'idle') set({ status: 'loading' });
  inFlight = (async () => {
    do {
      again = false;
      try {
        set({ status: 'ready', inbox: await api<InboxResponse>('GET', '/api/inbox'), error: null });
      } catch (err) {
        set({ status: state.status === 'ready' ? 'ready' : 'error', error: errorText(err) });
      }
    } while (again && socket !== null);
    inFlight = null;
  })();
  return inFlight;
}

/** Marks one item read (optimistically: the bell drops at once), then re-reads. */
export async function markItemRead(id: string): Promise<void> {
  const item = state.inbox.items.find((i) => i.id === id);
  if (!item || item.readAt) return;
  const readAt = new Date().toISOString();
  set({
    inbox: {
      items: state.inbox.items.map((i) => (i.id === id ? { ...i, readAt } : i)),
      unread: Math.max(0, state.inbox.unread - 1),
    },
  });
  try {
    await api('POST', `/api/inbox/${encodeURIComponent(id)}/read`, {});
  } finally {
    void reloadInbox();
  }
}

export async function markAllRead(): Promise<void> {
  await api('POST', '/api/inbox/read-all', {});
  await reloadInbox();
}

function onChanged(): void {
  void reloadInbox();
}

function onConnect(): void {
  if (connectedBefore) void reloadInbox();
  connectedBefore = true;
}

function start(): void {
  const s = realtime();
  socket = s;
  connectedBefore = s.connected;
  s.on('inbox:changed', onChanged);
  s.on('connect', onConnect);
  timer = setInterval(() => void reloadInbox(), REFRESH_MS);
  void reloadInbox();
}

function stop(): void {
  socket?.off('inbox:changed', onChanged);
  socket?.off('connect', onConnect);
  socket = null;
  if (timer) clearInterval(timer);
  timer = null;
  state = EMPTY;
}

export function useInbox(): InboxState {
  useEffect(() => {
    users += 1;
    if (users === 1) start();
    return () => {
      users -= 1;
      if (users === 0) stop();
    };
  }, []);
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
