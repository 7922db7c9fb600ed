import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
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

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'vigil:allowed-before-password-change';
/** Tells the OpenAPI document builder that the route does not refuse with `password_change_required` (then removed). */
export const ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION = 'x-vigil-allowed-before-password-change';
/**
 * The few routes a user who must change their password may call: who am I, sign out, change the password. Every
 * other route answers 403 `password_change_required`, so a one-time or temporary password is good for nothing else.
 */
export const AllowedBeforePasswordChange = () =>
  applyDecorators(SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true), ApiExtension(ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION, true));
