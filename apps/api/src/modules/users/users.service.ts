import { Inject, Injectable } from '@nestjs/common';
import { type UserView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { SessionsRepository, UsersRepository } from '@vigil/persistence';
import { SessionEvents } from '@vigil/realtime';
import { PasswordHasher } from '../auth/password-hasher';
import { assertPasswordNotCommon } from '../auth/password-policy';
import type { CreateUserDto, UpdateUserDto } from './user.dto';
import { toUserView } from './user.presenter';

@Injectable()
export class UsersService {
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
    });
    return toUserView(user);
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
