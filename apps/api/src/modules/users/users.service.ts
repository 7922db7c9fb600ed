import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type PasswordResetAnswer, type UserView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { SessionsRepository, UsersRepository } from '@vigil/persistence';
import { SessionEvents } from '@vigil/realtime';
import { PasswordHasher } from '../auth/password-hasher';
import { assertPasswordNotCommon } from '../auth/password-policy';
import type { CreateUserDto, UpdateUserDto } from './user.dto';
import { toUserView } from './user.presenter';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessionEvents: SessionEvents,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw userNotFound(id);
    return toUserView(user);
  }

  async create(request: CreateUserDto): Promise<UserView> {
    assertPasswordNotCommon(request.password, 'password');
    const existing = await this.users.findByUsername(request.username);
    if (existing) {
      throw new VigilError('username_taken', `The username ${request.username} is taken`, { field: 'username', details: { existingId: existing.id } });
    }
    const user = await this.users.create({
      username: request.username,
      displayName: request.displayName,
      roles: request.roles,
      passwordHash: await this.passwords.hash(request.password),
      mustChangePassword: request.mustChangePassword ?? false,
    });
    return toUserView(user);
  }

  /**
   * A temporary password the user must replace at next sign-in. Every session of theirs ends first-hand here: whoever
   * held one (perhaps the reason for the reset) is out at once, sockets included.
   */
  async resetPassword(id: string, chosen: string | undefined): Promise<PasswordResetAnswer> {
    if (chosen !== undefined) assertPasswordNotCommon(chosen, 'password');
    // 16 random bytes: 128 bits, far beyond guessing, in 22 URL-safe characters that read out over a phone.
    const password = chosen ?? randomBytes(16).toString('base64url');
    const user = await this.users.update(id, { passwordHash: await this.passwords.hash(password), mustChangePassword: true });
    if (!user) throw userNotFound(id);
    await this.sessions.revokeAllForUser(id, this.clock.now());
    await this.sessionEvents.ended({ userId: id });
    this.logger.log(`Password of ${JSON.stringify(user.username)} reset by an admin (${chosen === undefined ? 'generated' : 'chosen'}); it must be changed at next sign-in`);
    return { user: toUserView(user), generatedPassword: chosen === undefined ? password : null };
  }

  async update(id: string, changes: UpdateUserDto, actingUserId: string): Promise<UserView> {
    if (id === actingUserId && (changes.disabled === true || (changes.roles && !changes.roles.includes('admin')))) {
      throw new VigilError('self_lockout', 'You cannot disable yourself or remove your own admin role', { field: changes.disabled === true ? 'disabled' : 'roles' });
    }
    const user = await this.users.update(id, changes);
    if (!user) throw userNotFound(id);
    // A disabled user is signed out everywhere at once.
    if (changes.disabled) {
      await this.sessions.revokeAllForUser(id, this.clock.now());
      await this.sessionEvents.ended({ userId: id });
    }
    return toUserView(user);
  }
}

function userNotFound(id: string): VigilError {
  return new VigilError('user_not_found', `No user with id ${id}`);
}
