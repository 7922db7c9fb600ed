import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { UsersRepository } from '@vigil/persistence';
import { PasswordHasher } from '../auth/password-hasher';

/**
 * On first start, with no users at all, creates `admin` so someone can sign in; ADMIN_PASSWORD seeds only that. A
 * generated password has been in the log, so it must be changed at first sign-in; one the operator chose need not be.
 */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) {
      // Said once at start: otherwise an operator who changed it expects the new password to work.
      if (this.config.auth.adminPassword) this.logger.warn('ADMIN_PASSWORD is set but ignored: users exist already, and it only sets the first admin\'s password');
      return;
    }
    const password = this.config.auth.adminPassword ?? randomBytes(12).toString('base64url');
    try {
      await this.users.create({
        username: 'admin',
        displayName: 'Administrator',
        roles: ['admin'],
        passwordHash: await this.passwords.hash(password),
        mustChangePassword: !this.config.auth.adminPassword,
      });
    } catch (error) {
      // Another API process created it at the same moment (unique username).
      if ((await this.users.findByUsername('admin')) === null) throw error;
      return;
    }
    if (this.config.auth.adminPassword) this.logger.log('Created user "admin" with the password from ADMIN_PASSWORD');
    else this.logger.warn(`Created user "admin" with one-time password: ${password} (shown only this once: sign in and change it)`);
  }
}
