import { VigilError } from '@vigil/contracts';
import { isCommonPassword } from '@vigil/domain';

/** Wherever a password is set: length is the DTO's rule; this refuses the guesses an attacker tries first. */
export function assertPasswordNotCommon(password: string, field: 'password' | 'newPassword'): void {
  if (isCommonPassword(password)) {
    throw new VigilError('password_too_common', `${field} is one of the most common passwords; choose another`, { field });
  }
}
