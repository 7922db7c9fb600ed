import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { Role } from '@vigil/contracts';
import { ROLES } from '@vigil/contracts';

export const ACCESS_RULE = 'vigil:access';

/** Who may call a route. Every route declares one; a route without one is refused to everybody. */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Also tells /api/docs that the route takes either sign-in: the bearer token or the session cookie. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule), ApiBearerAuth(), ApiCookieAuth());
/** Any signed-in user, whatever the role. */
export const AnyRole = () => Roles(...ROLES);
