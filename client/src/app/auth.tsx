/**
 * Who is logged in: `GET /api/auth/me` at start, updated after login and logout. The server decides
 * everything; this only tells the interface what to show.
 */
import type { MeResponse, SessionUser } from '@samenspraak/shared';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken } from './api';

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

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await api<MeResponse>('GET', '/api/auth/me');
      setCsrfToken(me.csrfToken);
      setState({ status: 'authenticated', user: me.user });
    } catch (err) {
      setCsrfToken(null);
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setState({ status: 'anonymous' });
      else setState({ status: 'offline', message: err instanceof Error ? err.message : String(err) });
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('POST', '/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

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
