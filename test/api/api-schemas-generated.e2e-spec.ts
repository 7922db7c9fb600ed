import { spawnSync } from 'node:child_process';

describe('API schemas', () => {
  it('are generated from the contracts types as they are now (else: npm run contracts:schemas)', () => {
    const check = spawnSync(process.execPath, ['libs/contracts/scripts/generate-api-schemas.mjs', '--check'], { encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  }, 60_000);
});
