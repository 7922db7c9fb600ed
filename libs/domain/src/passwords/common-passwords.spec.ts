import { COMMON_PASSWORDS } from './common-password-list';
import { isCommonPassword } from './common-passwords';

describe('common passwords', () => {
  it.each(['123456789', 'password', 'iloveyou', 'qwerty123', 'matkhau123', 'anhyeuem', 'emyeuanh', 'vietnam123'])('refuses %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it('compares case-insensitively after folding diacritics, đ included', () => {
    expect(isCommonPassword('MậtKhẩu123')).toBe(true);
    expect(isCommonPassword('Anh Yêu Em')).toBe(true);
    expect(isCommonPassword('anh-yeu-em')).toBe(true);
    expect(isCommonPassword('ĐẹpTrai123')).toBe(true);
    // Decomposed input (combining marks) folds the same way as precomposed.
    expect(isCommonPassword('ma\u0302\u0323tkha\u0302\u0309u')).toBe(true);
    expect(isCommonPassword('PASSWORD1')).toBe(true);
  });

  it('lets passphrases and uncommon passwords through', () => {
    expect(isCommonPassword('mat-khau-moi-2026')).toBe(false);
    expect(isCommonPassword('trực ban đêm thứ ba')).toBe(false);
    expect(isCommonPassword('admin-test-passphrase')).toBe(false);
  });

  it('stores its list folded and compact, a few hundred entries', () => {
    for (const entry of COMMON_PASSWORDS) expect(entry).toMatch(/^[a-z0-9!@]+$/);
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(400);
    expect(COMMON_PASSWORDS.size).toBeLessThan(5000);
  });
});
