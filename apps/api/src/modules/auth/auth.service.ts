import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type LoginAnswer, type LoginResponse, type SessionState, type UserView, VigilError } from '@vigil/contracts';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock } from '@vigil/domain';
import { SessionsRepository, SettingsRepository, UsersRepository, type UserEntity } from '@vigil/persistence';
import { SessionEvents } from '@vigil/realtime';
import { toUserView } from '../users/user.presenter';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { assertPasswordNotCommon } from './password-policy';
import { SecondFactorService, wrongCode } from './second-factor.service';
import type { AuthUser } from './auth-user';

interface TokenClaims {
  sub: string;
  sid: string;
}

interface ChallengeClaims {
  sub: string;
  purpose: 'second-factor';
}

/** A session's last use is written at most this often: the idle timeout is only this precise, and needs no more. */
const TOUCH_GAP_MS = 60_000;
/** Time to open the authenticator app and type a code after the password was accepted. */
const CHALLENGE_TTL_SEC = 5 * 60;

/** Logins are session rows; tokens only name a session, so logout and disabling a user take effect at once. */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Auth');
  private secret = '';
  // jsonwebtoken makes a key of a string secret on every verify, first trying (and failing) to read it as a public
  // key: ~0.8 ms of every request. It takes a KeyObject, which @nestjs/jwt's types leave out. Empty (refused) until set.
  private verifyKey: string | Buffer = '';
  private challengeSecret = '';

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly settings: SettingsRepository,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly secondFactor: SecondFactorService,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessionEvents: SessionEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    // Shared through the database so every API process accepts every other's tokens, across restarts too.
    this.secret = await this.settings.getOrInit('session-signing-secret', randomBytes(48).toString('base64url'));
    this.verifyKey = createSecretKey(Buffer.from(this.secret)) as KeyObject as unknown as Buffer;
    // A key of its own, so a second-factor challenge can never pass for a session token (nor the reverse).
    this.challengeSecret = createHmac('sha256', this.secret).update('second-factor challenge').digest('base64url');
  }

  /** The right password signs in, or, for a user with a second factor, earns a short-lived challenge for the code. */
  async login(username: string, password: string, clientAddress: string): Promise<LoginAnswer> {
    await this.throttle.consumeAttempt(username, clientAddress);
    const user = await this.users.findByUsername(username);
    // Verify even for unknown users so timing does not reveal which usernames exist.
    const valid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabled) {
      this.logger.warn(`Failed sign-in for ${JSON.stringify(username)} from ${clientAddress}`);
      throw new VigilError('wrong_credentials', 'Wrong username or password');
    }
    await this.throttle.refundAttempt(username, clientAddress);
    if (await this.secondFactor.isEnabled(user.id)) {
      const claims: ChallengeClaims = { sub: user.id, purpose: 'second-factor' };
      const challengeToken = await this.jwt.signAsync({ ...claims, iat: this.nowSec() }, { secret: this.challengeSecret, expiresIn: CHALLENGE_TTL_SEC });
      return { secondFactorRequired: true, challengeToken, expiresInSec: CHALLENGE_TTL_SEC };
    }
    return this.startSession(user);
  }

  /** The second step: the same throttle as the password counts every wrong code, per username and address. */
  async completeSecondFactor(challengeToken: string, code: string, clientAddress: string): Promise<LoginResponse> {
    let claims: ChallengeClaims;
    try {
      claims = await this.jwt.verifyAsync<ChallengeClaims>(challengeToken, { secret: this.challengeSecret, clockTimestamp: this.nowSec() });
    } catch {
      throw challengeInvalid();
    }
    const user = claims.purpose === 'second-factor' ? await this.users.findById(claims.sub) : null;
    if (!user || user.disabled) throw challengeInvalid();
    await this.throttle.consumeAttempt(user.username, clientAddress);
    if (!(await this.secondFactor.isEnabled(user.id))) throw challengeInvalid();
    if (!(await this.secondFactor.verify(user.id, code))) {
      this.logger.warn(`Wrong second-factor code for ${JSON.stringify(user.username)} from ${clientAddress}`);
      throw wrongCode();
    }
    await this.throttle.refundAttempt(user.username, clientAddress);
    return this.startSession(user);
  }

  /**
   * The user behind a token. Throws `session_expired` for a session that ran past its absolute lifetime or sat idle
   * too long (the console says "your session timed out"), `unauthenticated` for anything else that is not valid.
   */
  async authenticate(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.verifyKey });
    } catch {
      throw unauthenticated();
    }
    const now = this.clock.now();
    const found = typeof claims.sid === 'string' ? await this.sessions.findUnrevokedWithUser(claims.sid) : null;
    if (!found || found.session.userId !== claims.sub) throw unauthenticated();
    const { session, user } = found;
    const idleMs = now.getTime() - session.lastUsedAt.getTime();
    if (session.expiresAt <= now || idleMs >= this.config.auth.sessionIdleMs) {
      throw new VigilError('session_expired', 'The session timed out; sign in again');
    }
    if (user.disabled) throw unauthenticated();
    if (idleMs >= TOUCH_GAP_MS) await this.sessions.touch(session.id, now, TOUCH_GAP_MS);
    return { id: user.id, username: user.username, roles: user.roles, sessionId: session.id, mustChangePassword: user.mustChangePassword };
  }

  /**
   * The console's probe: who is signed in by this token, or that nobody is (and whether a session timed out), as an
   * answer rather than a 401, so a signed-out browser logs no failed request. A database outage still throws.
   */
  async sessionState(token: string | null): Promise<SessionState> {
    if (!token) return { signedIn: false, sessionExpired: false };
    try {
      const user = await this.authenticate(token);
      return { signedIn: true, user: await this.currentUser(user.id) };
    } catch (error) {
      if (error instanceof VigilError && (error.code === 'unauthenticated' || error.code === 'session_expired')) {
        return { signedIn: false, sessionExpired: error.code === 'session_expired' };
      }
      throw error;
    }
  }

  async currentUser(userId: string): Promise<UserView> {
    const user = await this.users.findById(userId);
    if (!user) throw unauthenticated();
    return toUserView(user);
  }

  /** The new password is the only way in from now on: every other session of the user ends, and nothing forces a change any more. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const stored = await this.users.findById(user.id);
    if (!stored || !(await this.passwords.verify(stored.passwordHash, currentPassword))) {
      throw new VigilError('wrong_current_password', 'The current password is wrong', { field: 'currentPassword' });
    }
    if (currentPassword === newPassword) throw new VigilError('password_unchanged', 'newPassword must differ from the current password', { field: 'newPassword' });
    assertPasswordNotCommon(newPassword, 'newPassword');
    await this.users.update(user.id, { passwordHash: await this.passwords.hash(newPassword), mustChangePassword: false });
    await this.sessions.revokeAllForUserExcept(user.id, user.sessionId, this.clock.now());
    await this.sessionEvents.ended({ userId: user.id, exceptSessionId: user.sessionId });
  }

  /**
   * Turning the second factor off needs proof beyond the session: a current code (or recovery code), or the password.
   * Wrong proofs count against the sign-in throttle, so a stolen session cannot guess its way through.
   */
  async disableSecondFactor(user: AuthUser, proof: { code?: string; password?: string }, clientAddress: string): Promise<void> {
    if (!(await this.secondFactor.isEnabled(user.id))) throw new VigilError('two_factor_not_enabled', 'Two-step verification is off');
    if (!proof.code && !proof.password) throw new VigilError('validation_failed', 'Send code or password', { field: 'code' });
    await this.throttle.consumeAttempt(user.username, clientAddress);
    if (proof.code) {
      if (!(await this.secondFactor.verify(user.id, proof.code))) throw wrongCode();
    } else {
      const stored = await this.users.findById(user.id);
      if (!stored || !(await this.passwords.verify(stored.passwordHash, proof.password ?? ''))) {
        throw new VigilError('wrong_current_password', 'The password is wrong', { field: 'password' });
      }
    }
    await this.throttle.refundAttempt(user.username, clientAddress);
    await this.secondFactor.disable(user);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now());
    await this.sessionEvents.ended({ sessionId });
  }

  private async startSession(user: UserEntity): Promise<LoginResponse> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlMs);
    const session = await this.sessions.create(user.id, expiresAt, now);
    const claims: TokenClaims = { sub: user.id, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.secret,
      expiresIn: Math.floor(this.config.auth.sessionTtlMs / 1000),
    });
    return { accessToken, user: toUserView(user) };
  }

  private nowSec(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

function unauthenticated(): VigilError {
  return new VigilError('unauthenticated', 'Sign in to continue');
}

function challengeInvalid(): VigilError {
  return new VigilError('second_factor_challenge_invalid', 'The sign-in step expired or is not valid; enter the password again', { field: 'challengeToken' });
}
