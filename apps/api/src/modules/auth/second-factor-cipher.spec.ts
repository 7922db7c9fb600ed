import { randomBytes } from 'node:crypto';
import { SecondFactorCipher } from './second-factor-cipher';

describe('SecondFactorCipher', () => {
  const serverSecret = randomBytes(32).toString('base64url');
  const userId = '3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b';

  it('round-trips a secret without the secret appearing in what is stored, fresh each time', () => {
    const cipher = new SecondFactorCipher(serverSecret);
    const sealed = cipher.encrypt('JBSWY3DPEHPK3PXP', userId);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.encrypt('JBSWY3DPEHPK3PXP', userId)).not.toBe(sealed);
    expect(cipher.decrypt(sealed, userId)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a ciphertext moved to another user, altered, or sealed under another server key', () => {
    const cipher = new SecondFactorCipher(serverSecret);
    const sealed = cipher.encrypt('JBSWY3DPEHPK3PXP', userId);
    expect(() => cipher.decrypt(sealed, 'another-user')).toThrow();
    const [version, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), userId)).toThrow();
    expect(() => new SecondFactorCipher(randomBytes(32).toString('base64url')).decrypt(sealed, userId)).toThrow();
  });
});
