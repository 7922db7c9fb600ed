import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { LoadingState } from '../shared/loading-state';
import { useAuth } from './auth-context';

export interface LoginRedirectState {
  from?: string;
}

export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'anonymous') {
    const redirect: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={redirect} />;
  }
  return <Outlet />;
}
