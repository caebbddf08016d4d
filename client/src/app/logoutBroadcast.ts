/**
 * Logout reaches the person's other tabs: they close their documents and show the login. Without
 * this, another tab would hold its local copies open (the browser then cannot delete them) and keep
 * writing to them.
 */

const CHANNEL = 'samenspraak-logout';

interface LogoutMessage {
  type: 'logged-out';
  userId: string;
}

function isLogoutMessage(data: unknown): data is LogoutMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, userId } = data as Record<string, unknown>;
  return type === 'logged-out' && typeof userId === 'string';
}

/**
 * One channel per tab for sending and receiving: a channel never receives its own messages, whereas a
 * second one in this tab would, and would log this tab out in the middle of its own logout.
 */
let channel: BroadcastChannel | null = null;
const listeners = new Set<(userId: string) => void>();

function tabChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isLogoutMessage(event.data)) return;
      for (const listener of [...listeners]) listener(event.data.userId);
    };
  }
  return channel;
}

export function announceLogout(userId: string): void {
  tabChannel()?.postMessage({ type: 'logged-out', userId } satisfies LogoutMessage);
}

/** Calls `listener` when another tab of this browser logs `userId` out. */
export function onLogoutElsewhere(listener: (userId: string) => void): () => void {
  tabChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
