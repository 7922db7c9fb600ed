import { readFileSync } from 'node:fs';
// @ts-expect-error the generator is a plain ESM script (run by npm run contracts:schemas), without type declarations
import { GENERATED_FILE, generateApiSchemas } from '../../libs/contracts/scripts/generate-api-schemas.mjs';

describe('API schemas', () => {
  it('are generated from the contracts types as they are now (else: npm run contracts:schemas)', () => {
    const current = (generateApiSchemas as () => string)();
    expect(readFileSync(GENERATED_FILE as string, 'utf8') === current ? 'up to date' : 'stale: run npm run contracts:schemas').toBe('up to date');
  }, 60_000);
});
