import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@vigil/contracts';
import type { Request } from 'express';

export interface AuthUser {
  id: string;
  username: string;
  roles: Role[];
  sessionId: string;
  /** Until the user replaces a password someone else chose, only routes marked AllowedBeforePasswordChange answer. */
  mustChangePassword: boolean;
}

export type AuthenticatedRequest = Request & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
