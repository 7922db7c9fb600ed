import type { UserView } from '@vigil/contracts';
import type { UserEntity } from '@vigil/persistence';

/** The public face of a user: never the password hash. */
export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
  };
}
