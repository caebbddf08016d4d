/**
 * Who is logged in: `GET /api/auth/me` at start, updated after login and logout. The server decides
 * everything; this only tells the interface what to show.
 *
 * Once it is known who (if anyone) has a session here, local copies of people without one are cleared
 * where nothing unsaved is in them (logout.ts). A logout made without a network is finished with the
 * server later (owedLogout.ts). A logout in another tab of the same person logs this tab out too.
 */
import type { MeResponse, SessionUser } from '@samenspraak/shared';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { allowDocumentsOf, closeDocumentsOf } from '../collab/openDocuments';
import { ApiError, api, setCsrfToken } from './api';
import { errorText } from './errorText';
import { clearCopiesWithoutSession } from './logout';
import { onLogoutElsewhere } from './logoutBroadcast';
import { endIfOwed, oweLogout, settleOwedLogout } from './owedLogout';

/** The live channel (socket.io) is loaded by the pages that use it; the login page does without. */
const closeRealtime = () => void import('./realtime').then((r) => r.closeRealtime());

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'offline'; message: string }
  | { status: 'authenticated'; user: SessionUser };

interface AuthContextValue {
  state: AuthState;
  /** Re-reads the session (after login, TOTP, invitation acceptance). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const OWED_LOGOUT_RETRY_MS = 30_000;

const AuthContext = createContext<AuthContextValue | null>(null);

let earlyMe: Promise<MeResponse> | null = null;
/**
 * Asks who is logged in before React has rendered anything (main.tsx), so the answer travels while the
 * page is being built: one round trip less before the first real page on a slow phone network.
 */
export function askSessionEarly(): void {
  earlyMe = api<MeResponse>('GET', '/api/auth/me');
  earlyMe.catch(() => undefined); // handled by the first refresh; this only keeps it from counting as unhandled
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const csrf = useRef<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const early = earlyMe;
      earlyMe = null;
      const me = await (early ?? api<MeResponse>('GET', '/api/auth/me'));
      if (await endIfOwed(me.csrfToken)) {
        setState({ status: 'anonymous' });
        return;
      }
      csrf.current = me.csrfToken;
      setCsrfToken(me.csrfToken);
      allowDocumentsOf(me.user.id);
      setState({ status: 'authenticated', user: me.user });
    } catch (err) {
      csrf.current = null;
      setCsrfToken(null);
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setState({ status: 'anonymous' });
      else setState({ status: 'offline', message: errorText(err) });
    }
  }, []);

  const logout = useCallback(async () => {
    let owed = false;
    try {
      await api('POST', '/api/auth/logout');
    } catch (err) {
      // The person still leaves (the page and the local copies are cleared); the session is ended as
      // soon as the server can be reached. Only a 401 says it is gone already.
      const gone = err instanceof ApiError && err.status === 401;
      if (!gone && csrf.current) {
        oweLogout(csrf.current);
        owed = true;
      }
    } finally {
      csrf.current = null;
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
    if (owed) void settleOwedLogout(); // a refusal other than the network's may pass on a second try
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const settle = () => void settleOwedLogout();
    window.addEventListener('online', settle);
    // The server can be down while the network is up ('online' never fires then).
    const timer = setInterval(settle, OWED_LOGOUT_RETRY_MS);
    return () => {
      window.removeEventListener('online', settle);
      clearInterval(timer);
    };
  }, []);

  const sessionUserId = state.status === 'authenticated' ? state.user.id : null;
  const sessionUser = useRef(sessionUserId);
  sessionUser.current = sessionUserId;

  useEffect(
    () =>
      onLogoutElsewhere((userId) => {
        if (sessionUser.current !== userId) return;
        // That tab ended the session and is deleting the copies: let go of them now.
        closeDocumentsOf(userId);
        closeRealtime();
        csrf.current = null;
        setCsrfToken(null);
        setState({ status: 'anonymous' });
      }),
    [],
  );

  useEffect(() => {
    if (state.status === 'anonymous' || state.status === 'authenticated') void clearCopiesWithoutSession(sessionUserId);
  }, [state.status, sessionUserId]);

  const value = useMemo(() => ({ state, refresh, logout }), [state, refresh, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}

/** The logged-in user; only for pages rendered behind the login gate. */
export function useUser(): SessionUser {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useUser without a logged-in user');
  return state.user;
}
