import type { LoginRequest, SecondFactorChallenge, UserView } from '@vigil/contracts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchSession, login, loginSecondFactor, logout } from '../api/auth-api';
import { ApiError, onUnauthorized } from '../api/http';

/** `sessionExpired`: the API ended the session for idleness or age, and the login page says so. */
type AuthState = { status: 'loading' } | { status: 'anonymous'; sessionExpired?: boolean } | { status: 'signed-in'; user: UserView };

interface AuthContextValue {
  state: AuthState;
  /** Signs in, or answers with the challenge of a second step when the user has two-step verification on. */
  signIn: (credentials: LoginRequest) => Promise<SecondFactorChallenge | null>;
  completeSecondFactor: (challengeToken: string, code: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** The user replaced a password someone else chose: the rest of the console opens. */
  passwordChanged: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    fetchSession().then(
      (session) => {
        if (active) setState(session.signedIn ? { status: 'signed-in', user: session.user } : { status: 'anonymous', sessionExpired: session.sessionExpired });
      },
      () => {
        if (active) setState({ status: 'anonymous' });
      },
    );
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => onUnauthorized((code) => setState({ status: 'anonymous', sessionExpired: code === 'session_expired' })), []);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      signIn: async (credentials) => {
        const answer = await login(credentials);
        if ('secondFactorRequired' in answer) return answer;
        setState({ status: 'signed-in', user: answer.user });
        return null;
      },
      completeSecondFactor: async (challengeToken, code) => {
        const { user } = await loginSecondFactor({ challengeToken, code });
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
      passwordChanged: () => {
        setState((previous) => (previous.status === 'signed-in' ? { status: 'signed-in', user: { ...previous.user, mustChangePassword: false } } : previous));
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
