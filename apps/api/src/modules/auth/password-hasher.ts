import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** Argon2id hashing; verifying against a missing hash still costs one hash computation. */
@Injectable()
export class PasswordHasher {
  private decoyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    this.decoyHash ??= this.hash('decoy password that no account has');
    const target = hash ?? (await this.decoyHash);
    const matches = await argon2.verify(target, password).catch(() => false);
    return hash !== null && matches;
  }
}
