import type { LoginRequest, UserView } from '@vigil/contracts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchCurrentUser, login, logout } from '../api/auth-api';
import { ApiError, onUnauthorized } from '../api/http';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: UserView };

interface AuthContextValue {
  state: AuthState;
  signIn: (credentials: LoginRequest) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    fetchCurrentUser().then(
      (user) => {
        if (active) setState(user ? { status: 'signed-in', user } : { status: 'anonymous' });
      },
      () => {
        if (active) setState({ status: 'anonymous' });
      },
    );
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => onUnauthorized(() => setState({ status: 'anonymous' })), []);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      signIn: async (credentials) => {
        const { user } = await login(credentials);
        setState({ status: 'signed-in', user });
      },
      signOut: async () => {
        try {
          await logout();
        } catch (error) {
          // A 401 means the session is already gone, which is what signing out wants.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        setState({ status: 'anonymous' });
      },
    }),
    [state],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): UserView {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser must be used behind <RequireAuth>');
  return state.user;
}
