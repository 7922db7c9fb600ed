import { foldDiacritics } from '../text/vietnamese-text';
import { COMMON_PASSWORDS } from './common-password-list';

/** Spaces and the separators people put between words ("anh yêu em", "mat-khau", "i.love.you") do not make a password new. */
const SEPARATORS = /[\s._-]+/g;

/**
 * Whether a password is one of the first guesses of any attacker. Compared case-insensitively after folding
 * Vietnamese diacritics (NFC first, đ → d), so "Anh Yêu Em" and "MẬTKHẨU" are refused like "anhyeuem" and "matkhau".
 */
export function isCommonPassword(password: string): boolean {
  const folded = foldDiacritics(password.normalize('NFC')).trim();
  return COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(folded.replace(SEPARATORS, ''));
}
