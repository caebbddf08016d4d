/**
 * Logging out, step by step: give open documents a moment to be saved; if nothing unsaved is left,
 * clear this browser's copies and log out; otherwise ask (LogoutDialog) and do what the person chooses.
 */
import { useCallback, useRef, useState } from 'react';
import { useAuth } from './auth';
import { unsavedAfterTrying, wipeLocalCopies } from './logout';
import { announceLogout } from './logoutBroadcast';

export type LogoutPhase =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'asking'; unsaved: string[] }
  | { kind: 'leaving'; unsaved: string[] };

const IDLE: LogoutPhase = { kind: 'idle' };

export interface LogoutFlow {
  phase: LogoutPhase;
  start(): void;
  stay(): void;
  leave(): void;
}

export function useLogoutFlow(userId: string | null): LogoutFlow {
  const { logout } = useAuth();
  // The phase belongs to one person: the shell stays mounted across logout and login (also when
  // another tab logs this one out mid-dialog), and the next person starts afresh.
  const [state, setState] = useState<{ userId: string | null; phase: LogoutPhase }>({ userId, phase: IDLE });
  const phase = state.userId === userId ? state.phase : IDLE;
  const current = useRef(phase);
  current.current = phase;

  const set = useCallback((owner: string | null, next: LogoutPhase) => {
    current.current = next; // at once, so a second click before the next render is ignored
    setState({ userId: owner, phase: next });
  }, []);

  const leave = useCallback(
    async (user: string, unsaved: string[]) => {
      set(user, { kind: 'leaving', unsaved });
      // Loaded here, not at start: the login page goes without socket.io (the pages using it loaded it).
      (await import('./realtime')).closeRealtime();
      announceLogout(user);
      try {
        const left = await wipeLocalCopies(user);
        if (left > 0) console.warn(`logout: ${left} local copies are deleted once other tabs close them`);
      } catch (err) {
        // The session must still end; what is left is cleared at the next start.
        console.error('logout: clearing the local copies failed', err);
      }
      await logout();
      set(null, IDLE);
    },
    [logout, set],
  );

  const start = useCallback(() => {
    if (!userId || current.current.kind !== 'idle') return;
    set(userId, { kind: 'saving' });
    void (async () => {
      let unsaved: string[];
      try {
        unsaved = await unsavedAfterTrying(userId);
      } catch (err) {
        // Without knowing what is unsaved nothing is deleted; the person can try again.
        console.error('logout: could not check for unsaved changes', err);
        set(userId, IDLE);
        return;
      }
      if (unsaved.length === 0) await leave(userId, []);
      else set(userId, { kind: 'asking', unsaved });
    })();
  }, [userId, leave, set]);

  const stay = useCallback(() => {
    if (current.current.kind === 'asking') set(userId, IDLE);
  }, [userId, set]);

  const leaveAnyway = useCallback(() => {
    const p = current.current;
    if (userId && p.kind === 'asking') void leave(userId, p.unsaved);
  }, [userId, leave]);

  return { phase, start, stay, leave: leaveAnyway };
}
