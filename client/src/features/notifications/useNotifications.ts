/**
 * The logged-in person's notifications: `GET /api/notifications` (clocks on their cases, overdue
 * commitments for the RET process director and their authors), re-read when the server pushes a
 * `notification`, after a reconnect, and every few minutes (clocks run out without any event).
 * One store per tab, shared by the bell and any list, so the count and the list always agree.
 */

import type { NotificationPush } from '@samenspraak/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { type RealtimeSocket, realtime } from '../../app/realtime';
import type { NotificationView } from './notificationOrder';

export type { NotificationView } from './notificationOrder';

export interface NotificationsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: NotificationView[];
  /** Pushed live since the page loaded, newest first (at most 10). */
  live: NotificationPush[];
  error: string | null;
}

const REFRESH_MS = 5 * 60_000;

let state: NotificationsState = { status: 'idle', items: [], live: [], error: null };
const listeners = new Set<() => void>();
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;
let inFlight: Promise<void> | null = null;
let socket: RealtimeSocket | null = null;

function set(next: Partial<NotificationsState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function reloadNotifications(): Promise<void> {
  if (inFlight) return inFlight;
  if (state.status === 'idle') set({ status: 'loading' });
  inFlight = (async () => {
    try {
      const res = await api<{ notifications: NotificationView[] }>('GET', '/api/notifications');
      set({ status: 'ready', items: res.notifications, error: null });
    } catch (err) {
      set({ status: state.items.length ? 'ready' : 'error', error: errorText(err) });
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

function onPush(push: NotificationPush): void {
  set({ live: [push, ...state.live].slice(0, 10) });
  void reloadNotifications();
}

function onConnect(): void {
  void reloadNotifications();
}

function start(): void {
  const s = realtime();
  socket = s;
  s.on('notification', onPush);
  s.on('connect', onConnect);
  timer = setInterval(() => void reloadNotifications(), REFRESH_MS);
  void reloadNotifications();
}

function stop(): void {
  // The socket we listened on (after logout `realtime()` would open a new one).
  socket?.off('notification', onPush);
  socket?.off('connect', onConnect);
  socket = null;
  if (timer) clearInterval(timer);
  timer = null;
  state = { status: 'idle', items: [], live: [], error: null };
}

export function useNotifications(): NotificationsState {
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

export { bellCounts, sortNotifications } from './notificationOrder';
