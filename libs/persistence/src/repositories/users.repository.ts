import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@vigil/contracts';
import { Repository } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  mustChangePassword?: boolean;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  count(): Promise<number> {
    return this.users.count();
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** Usernames are unique regardless of case. */
  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('user').where('lower(user.username) = lower(:username)', { username }).getOne();
  }

  create(user: NewUser): Promise<UserEntity> {
    return this.users.save(this.users.create(user));
  }

  async update(id: string, changes: Partial<Pick<UserEntity, 'roles' | 'disabled' | 'displayName' | 'passwordHash' | 'mustChangePassword'>>): Promise<UserEntity | null> {
    await this.users.update({ id }, changes);
    return this.findById(id);
  }
}
