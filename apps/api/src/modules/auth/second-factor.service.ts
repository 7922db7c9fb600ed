import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { type Role, type TwoFactorActivation, type TwoFactorEnrolment, type TwoFactorStatus, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { SecondFactorsRepository, SettingsRepository } from '@vigil/persistence';
import { generateSecret, generateURI, verify } from 'otplib';
import type { AuthUser } from './auth-user';
import { SecondFactorCipher } from './second-factor-cipher';

/** Roles whose accounts can do the most harm, and so may protect them with a second factor. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'leader'];
const ISSUER = 'Vigil';
const RECOVERY_CODE_COUNT = 10;
/** 31 letters and digits without look-alikes (i, l, o, 0, 1): 10 of them carry 49 random bits, plenty for a hashed code. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const TOTP_CODE = /^\d{6}$/;

/**
 * The optional TOTP second factor (RFC 6238: 30-second periods, 6 digits, SHA-1 as every authenticator app expects).
 * A code is accepted one period early or late for clock drift, and each period's code only once.
 */
@Injectable()
export class SecondFactorService implements OnModuleInit {
  private readonly logger = new Logger('SecondFactor');
  private cipher: SecondFactorCipher | null = null;

  constructor(
    private readonly factors: SecondFactorsRepository,
    private readonly settings: SettingsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    // In settings like the session-signing secret, so every API process decrypts what another one encrypted.
    this.cipher = new SecondFactorCipher(await this.settings.getOrInit('second-factor-encryption-key', randomBytes(32).toString('base64url')));
  }

  async status(user: AuthUser): Promise<TwoFactorStatus> {
    const factor = await this.factors.find(user.id);
    const enabled = Boolean(factor?.secret);
    return {
      available: mayEnrol(user.roles) || enabled,
      enabled,
      enabledAt: factor?.enabledAt?.toISOString() ?? null,
      recoveryCodesLeft: enabled ? factor!.recoveryCodeHashes.length : 0,
    };
  }

  async isEnabled(userId: string): Promise<boolean> {
    return Boolean((await this.factors.find(userId))?.secret);
  }

  /** A fresh secret each time, replacing an unconfirmed one; nothing changes for sign-in until it is confirmed. */
  async enrol(user: AuthUser): Promise<TwoFactorEnrolment> {
    if (!mayEnrol(user.roles)) throw new VigilError('forbidden', `Only ${SECOND_FACTOR_ROLES.join(' and ')} accounts use a second factor`);
    const secret = generateSecret();
    if (!(await this.factors.startEnrolment(user.id, this.seal(secret, user.id)))) {
      throw new VigilError('two_factor_already_enabled', 'Two-step verification is already on; turn it off first');
    }
    return { secret, otpauthUri: generateURI({ issuer: ISSUER, label: user.username, secret }) };
  }

  async confirm(user: AuthUser, code: string): Promise<TwoFactorActivation> {
    const factor = await this.factors.find(user.id);
    if (factor?.secret) throw new VigilError('two_factor_already_enabled', 'Two-step verification is already on');
    if (!factor?.pendingSecret) throw new VigilError('two_factor_not_enrolling', 'Start enrolment first');
    const timeStep = await this.matchingTimeStep(this.open(factor.pendingSecret, user.id), code, null);
    if (timeStep === null) throw wrongCode();
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const confirmed = await this.factors.confirmEnrolment(user.id, factor.pendingSecret, timeStep, recoveryCodes.map(hashRecoveryCode), this.clock.now());
    // A second enrolment replaced the secret between reading and confirming: this code belongs to the old one.
    if (!confirmed) throw new VigilError('two_factor_not_enrolling', 'The enrolment changed meanwhile; start again');
    this.logger.log(`Two-step verification turned on for ${JSON.stringify(user.username)}`);
    return { recoveryCodes };
  }

  async disable(user: AuthUser): Promise<void> {
    await this.factors.remove(user.id);
    this.logger.log(`Two-step verification turned off for ${JSON.stringify(user.username)}`);
  }

  /** Whether `code` is the user's current TOTP code or one of their unused recovery codes; a match is spent. */
  async verify(userId: string, code: string): Promise<boolean> {
    const factor = await this.factors.find(userId);
    if (!factor?.secret) return false;
    const trimmed = code.replace(/\s+/g, '');
    if (TOTP_CODE.test(trimmed)) {
      const lastStep = factor.lastTimeStep === null ? null : Number(factor.lastTimeStep);
      const timeStep = await this.matchingTimeStep(this.open(factor.secret, userId), trimmed, lastStep);
      // The conditional write is what makes a code single-use when two requests race with it.
      return timeStep !== null && (await this.factors.acceptTimeStep(userId, timeStep));
    }
    return this.factors.spendRecoveryCode(userId, hashRecoveryCode(code));
  }

  private async matchingTimeStep(secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
    const token = code.replace(/\s+/g, '');
    if (!TOTP_CODE.test(token)) return null;
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: 30,
      ...(afterTimeStep === null ? {} : { afterTimeStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  private seal(secret: string, userId: string): string {
    return this.requireCipher().encrypt(secret, userId);
  }

  private open(sealed: string, userId: string): string {
    return this.requireCipher().decrypt(sealed, userId);
  }

  private requireCipher(): SecondFactorCipher {
    if (!this.cipher) throw new Error('SecondFactorService used before its module was initialised');
    return this.cipher;
  }
}

function mayEnrol(roles: readonly Role[]): boolean {
  return roles.some((role) => SECOND_FACTOR_ROLES.includes(role));
}

export function wrongCode(): VigilError {
  return new VigilError('wrong_second_factor_code', 'The code is wrong, expired or already used', { field: 'code' });
}

/** `abcde-fghjk`: typed by hand from paper, so short groups and no look-alike characters. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Case, spaces and dashes do not matter when the code is typed back. High entropy, so a plain sha256 suffices. */
function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[^a-z0-9]/g, '')).digest('hex');
}
