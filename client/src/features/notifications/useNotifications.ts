/**
 * The logged-in person's notifications: `GET /api/notifications` (clocks on their cases, overdue
 * commitments for the RET process director and their authors), re-read when the server pushes a
 * `notification`, after a reconnect, and every few minutes (clocks run out without any event).
 * One store per tab, shared by the bell, the overview and any list, so the count and the lists always
 * agree and one change costs one read (each read is an entry in the access log of every case it shows).
 */

import type { NoticeView, NotificationPush, NotificationsResponse } from '@samenspraak/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { type RealtimeSocket, realtime } from '../../app/realtime';

export interface NotificationsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: NoticeView[];
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
/** Asked again while a read was under way: that read may predate the change, so read once more. */
let again = false;
let socket: RealtimeSocket | null = null;
/** Whether the socket was connected before: only a later `connect` is a reconnect worth a read. */
let connectedBefore = false;

function set(next: Partial<NotificationsState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Reads the notifications; calls during a read are answered by one more read after it. */
export function reloadNotifications(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  if (state.status === 'idle') set({ status: 'loading' });
  inFlight = (async () => {
    do {
      again = false;
      try {
        const res = await api<NotificationsResponse>('GET', '/api/notifications');
        set({ status: 'ready', items: res.notifications, error: null });
      } catch (err) {
        set({ status: state.items.length ? 'ready' : 'error', error: errorText(err) });
      }
    } while (again && socket !== null);
    inFlight = null;
  })();
  return inFlight;
}

function onPush(push: NotificationPush): void {
  set({ live: [push, ...state.live].slice(0, 10) });
  void reloadNotifications();
}

function onConnect(): void {
  if (connectedBefore) void reloadNotifications();
  connectedBefore = true;
}

function start(): void {
  const s = realtime();
  socket = s;
  connectedBefore = s.connected;
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

/** The tab's notifications; `enabled: false` (someone without clocks) reads nothing. */
export function useNotifications(enabled = true): NotificationsState {
  useEffect(() => {
    if (!enabled) return;
    users += 1;
    if (users === 1) start();
    return () => {
      users -= 1;
      if (users === 0) stop();
    };
  }, [enabled]);
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export { bellCounts, sortNotifications } from './notificationOrder';
