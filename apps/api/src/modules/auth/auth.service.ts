import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type LoginResponse, type UserView, VigilError } from '@vigil/contracts';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock } from '@vigil/domain';
import { SessionsRepository, SettingsRepository, UsersRepository } from '@vigil/persistence';
import { toUserView } from '../users/user.presenter';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import type { AuthUser } from './auth-user';

interface TokenClaims {
  sub: string;
  sid: string;
}

/** Logins are session rows; tokens only name a session, so logout and disabling a user take effect at once. */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Auth');
  private secret = '';

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly settings: SettingsRepository,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    // Shared through the database so every API process accepts every other's tokens, across restarts too.
    this.secret = await this.settings.getOrInit('session-signing-secret', randomBytes(48).toString('base64url'));
  }

  async login(username: string, password: string, clientAddress: string): Promise<LoginResponse> {
    await this.throttle.consumeAttempt(username, clientAddress);
    const user = await this.users.findByUsername(username);
    // Verify even for unknown users so timing does not reveal which usernames exist.
    const valid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabled) {
      this.logger.warn(`Failed sign-in for ${JSON.stringify(username)} from ${clientAddress}`);
      throw new VigilError('wrong_credentials', 'Wrong username or password');
    }
    await this.throttle.refundAttempt(username, clientAddress);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.auth.sessionTtlMs);
    const session = await this.sessions.create(user.id, expiresAt);
    const claims: TokenClaims = { sub: user.id, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.secret,
      expiresIn: Math.floor(this.config.auth.sessionTtlMs / 1000),
    });
    return { accessToken, user: toUserView(user) };
  }

  /** The user behind a token, or null when the token, its session or its user is no longer valid. */
  async authenticate(token: string): Promise<AuthUser | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.secret });
    } catch {
      return null;
    }
    const session = await this.sessions.findActive(claims.sid, this.clock.now());
    if (!session || session.userId !== claims.sub) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return null;
    return { id: user.id, username: user.username, roles: user.roles, sessionId: session.id };
  }

  async currentUser(userId: string): Promise<UserView> {
    const user = await this.users.findById(userId);
    if (!user) throw new VigilError('unauthenticated', 'Sign in to continue');
    return toUserView(user);
  }

  /** The new password is the only way in from now on: every other session of the user ends. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const stored = await this.users.findById(user.id);
    if (!stored || !(await this.passwords.verify(stored.passwordHash, currentPassword))) {
      throw new VigilError('wrong_current_password', 'The current password is wrong', { field: 'currentPassword' });
    }
    if (currentPassword === newPassword) throw new VigilError('password_unchanged', 'newPassword must differ from the current password', { field: 'newPassword' });
    await this.users.update(user.id, { passwordHash: await this.passwords.hash(newPassword) });
    await this.sessions.revokeAllForUserExcept(user.id, user.sessionId, this.clock.now());
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now());
  }
}
