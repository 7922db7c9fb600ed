import type { Role } from '@vigil/contracts';
import { Outlet } from 'react-router-dom';
import { useCurrentUser } from './auth-context';
import { ForbiddenPage } from './forbidden-page';

export function RequireRole({ role }: { role: Role }) {
  const user = useCurrentUser();
  return user.roles.includes(role) ? <Outlet /> : <ForbiddenPage />;
}
