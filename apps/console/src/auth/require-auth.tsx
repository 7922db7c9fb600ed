import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { LoadingState } from '../shared/loading-state';
import { useAuth } from './auth-context';
import { ChangePasswordDialog } from './change-password-dialog';

export interface LoginRedirectState {
  from?: string;
}

export function RequireAuth() {
  const { state, passwordChanged } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'anonymous') {
    const redirect: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={redirect} />;
  }
  // A password someone else chose (one-time, reset): nothing else renders, and the API would refuse it anyway.
  if (state.user.mustChangePassword) return <ChangePasswordDialog required onClose={passwordChanged} />;
  return <Outlet />;
}
