/**
 * Presence through Yjs awareness: every client publishes `{ user: { name, role, color } }`;
 * the page lists the others. Remote states are untrusted input and are checked before use.
 */
import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  name: string;
  role: string;
  color: string;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
}

/** Dark enough for white text on top, and distinct from each other (WCAG AA against white). */
const PALETTE = ['#1d5fa8', '#a1356f', '#2b7a3d', '#8a4b08', '#6a3fb5', '#0f6f78', '#b0302c', '#4b5563'];
const FALLBACK_COLOR = '#4b5563';

/** A stable colour per user id. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? FALLBACK_COLOR;
}

export function setLocalUser(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalStateField('user', user);
}

function parseUser(state: unknown): PresenceUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, role, color } = user as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || typeof role !== 'string') return null;
  return {
    name: name.slice(0, 100),
    role: role.slice(0, 50),
    color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : FALLBACK_COLOR,
  };
}

/** The other clients, one entry per person (same name and role in several tabs counts once). */
export function otherPeers(awareness: Awareness): Peer[] {
  const seen = new Set<string>();
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = parseUser(state);
    if (!user) continue;
    const key = `${user.name}\u0000${user.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    peers.push({ clientId, user });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name, 'nl'));
}

function samePeers(a: Peer[], b: Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return q && p.user.name === q.user.name && p.user.role === q.user.role && p.user.color === q.user.color;
    })
  );
}

interface PeerStore {
  subscribe(callback: () => void): () => void;
  get(): Peer[];
}

const stores = new WeakMap<Awareness, PeerStore>();

function peerStore(awareness: Awareness): PeerStore {
  const existing = stores.get(awareness);
  if (existing) return existing;
  const callbacks = new Set<() => void>();
  let snapshot = otherPeers(awareness);
  const onChange = () => {
    const next = otherPeers(awareness);
    if (samePeers(next, snapshot)) return;
    snapshot = next;
    for (const callback of [...callbacks]) callback();
  };
  const store: PeerStore = {
    subscribe(callback) {
      if (callbacks.size === 0) {
        snapshot = otherPeers(awareness);
        awareness.on('change', onChange);
      }
      callbacks.add(callback);
      return () => {
        callbacks.delete(callback);
        if (callbacks.size === 0) awareness.off('change', onChange);
      };
    },
    get: () => snapshot,
  };
  stores.set(awareness, store);
  return store;
}

/** The other people on this document, re-rendering when someone arrives or leaves. */
export function usePeers(awareness: Awareness): Peer[] {
  const store = peerStore(awareness);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
