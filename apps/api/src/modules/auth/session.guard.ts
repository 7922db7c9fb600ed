import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { VigilError } from '@vigil/contracts';
import { ACCESS_RULE, ALLOWED_BEFORE_PASSWORD_CHANGE, type AccessRule } from './access.decorators';
import type { AuthenticatedRequest } from './auth-user';
import { AuthService } from './auth.service';
import { bearerToken, sessionCookieToken } from './request-credentials';

/** Global guard: resolves the caller from the bearer token or session cookie and applies the route's access rule. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request) ?? sessionCookieToken(request);
    if (!token) throw new VigilError('unauthenticated', 'Sign in to continue');
    const user = await this.auth.authenticate(token);
    request.user = user;
    if (!rule) throw new VigilError('forbidden', 'This route has no access rule');
    if (!user.roles.some((role) => rule.roles.includes(role))) {
      throw new VigilError('forbidden', `Requires one of the roles: ${rule.roles.join(', ')}`);
    }
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean | undefined>(ALLOWED_BEFORE_PASSWORD_CHANGE, [context.getHandler(), context.getClass()])) {
      throw new VigilError('password_change_required', 'Change the password (POST /api/auth/password) before anything else');
    }
    return true;
  }
}
