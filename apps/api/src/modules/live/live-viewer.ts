import type { LiveEventViewer } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';

/** Whose eyes a replay reads with, the same for a socket and for `GET /api/events`: the user's roles and the user. */
export function liveViewer(user: AuthUser): LiveEventViewer {
  return { userId: user.id, roles: user.roles };
}
