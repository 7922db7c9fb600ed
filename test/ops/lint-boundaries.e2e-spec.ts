// The import boundaries of STYLE.md are enforced by eslint.config.js; this spec lints probe files placed (virtually) in
// each package and checks each forbidden import is reported by no-restricted-imports while an allowed one passes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Static imports are no-restricted-imports' business; `import('…')` is caught by no-restricted-syntax selectors. */
const RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

// Probes exist only in memory, so the TypeScript project service (which reads files from disk) cannot type them:
// type-aware parsing is switched off for them, which leaves the boundary rules under test exactly as configured.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

const SOURCE = {
  static: (specifier: string) => `import * as probe from '${specifier}';\nexport const used = probe;\n`,
  dynamic: (specifier: string) => `export const used = await import('${specifier}');\n`,
};

/** The boundary messages for a file importing `specifier`, linted as if it lived at `filePath`. */
async function restrictionsFor(filePath: string, specifier: string, form: keyof typeof SOURCE = 'static'): Promise<string[]> {
  const [result] = await eslint.lintText(SOURCE[form](specifier), { filePath });
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${filePath} did not parse: ${fatal.map((message) => message.message).join('; ')}`);
  return result.messages.filter((message) => message.ruleId !== null && RULES.has(message.ruleId)).map((message) => message.message);
}

const PROBE = {
  contracts: 'libs/contracts/src/__probe.ts',
  domain: 'libs/domain/src/__probe.ts',
  domainSpec: 'libs/domain/src/__probe.spec.ts',
  parsing: 'libs/parsing/src/__probe.ts',
  parsingSpec: 'libs/parsing/src/__probe.spec.ts',
  config: 'libs/config/src/__probe.ts',
  persistence: 'libs/persistence/src/__probe.ts',
  search: 'libs/search/src/__probe.ts',
  queue: 'libs/queue/src/__probe.ts',
  collection: 'libs/collection/src/__probe.ts',
  testing: 'libs/testing/src/__probe.ts',
  api: 'apps/api/src/__probe.ts',
  ingestor: 'apps/ingestor/src/__probe.ts',
  cli: 'apps/cli/src/__probe.ts',
  console: 'apps/console/src/__probe.tsx',
  e2e: 'test/__probe.e2e-spec.ts',
} as const;
type Place = keyof typeof PROBE;

const NODE_IO = ['node:fs', 'node:fs/promises', 'fs', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:dns/promises', 'undici'];
const PERSISTENCE_ONLY = ['typeorm', '@nestjs/typeorm', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/contrib/pg_trgm'];

/** Database drivers test code may use directly, to set up and inspect a run's own database. */
const ALLOWED_IN_TESTS: Partial<Record<Place, string[]>> = { testing: ['pg'], e2e: ['pg', 'typeorm'] };

const forbidden: Array<[Place, string, RegExp]> = [
  ...(['contracts', 'domain', 'parsing'] as const).flatMap((place): Array<[Place, string, RegExp]> => [
    [place, '@nestjs/common', /no Nest/],
    [place, '@nestjs/core', /no Nest/],
    ...NODE_IO.map((specifier): [Place, string, RegExp] => [place, specifier, /do no I\/O/]),
    ...PERSISTENCE_ONLY.map((specifier): [Place, string, RegExp] => [place, specifier, /Only libs\/persistence/]),
    [place, '@elastic/elasticsearch', /Only libs\/search/],
    [place, 'bullmq', /Only libs\/queue/],
    [place, 'ioredis', /Only libs\/queue/],
  ]),
  ['contracts', '@vigil/domain', /contracts imports nothing internal/],
  ['domain', '@vigil/config', /domain may import only `@vigil\/contracts`/],
  ['parsing', '@vigil/collection', /parsing may import only `@vigil\/contracts` and `@vigil\/domain`/],
  ['parsing', '@vigil/persistence', /parsing may import only/],
  ['parsingSpec', '@nestjs/testing', /no Nest/],
  ['domainSpec', '@nestjs/testing', /no Nest/],
  ...(['config', 'search', 'queue', 'collection', 'api', 'ingestor', 'cli', 'testing', 'e2e'] as const).flatMap((place) =>
    PERSISTENCE_ONLY.filter((specifier) => !ALLOWED_IN_TESTS[place]?.includes(specifier)).map(
      (specifier): [Place, string, RegExp] => [place, specifier, /Only libs\/persistence/],
    ),
  ),
  ...(['config', 'persistence', 'queue', 'collection', 'api', 'ingestor', 'testing', 'e2e'] as const).map(
    (place): [Place, string, RegExp] => [place, '@elastic/elasticsearch', /Only libs\/search/],
  ),
  ...(['config', 'persistence', 'search', 'collection', 'api', 'ingestor', 'testing', 'e2e'] as const).map(
    (place): [Place, string, RegExp] => [place, 'bullmq', /Only libs\/queue/],
  ),
  ...(['config', 'persistence', 'search', 'collection', 'api', 'ingestor', 'e2e'] as const).map(
    (place): [Place, string, RegExp] => [place, 'ioredis', /Only libs\/queue/],
  ),
  ['console', '@vigil/domain', /console may import only `@vigil\/contracts`/],
  ['console', '@vigil/collection', /console may import only `@vigil\/contracts`/],
  ['console', 'typeorm', /Only libs\/persistence/],
  ['collection', '@vigil/persistence/src/entities', /through its index/],
  ['collection', '../../../apps/api/src/main', /Nothing imports an app|Do not reach into another app/],
];

const allowed: Array<[Place, string]> = [
  ['contracts', 'zod'],
  ['domain', '@vigil/contracts'],
  ['domain', 'node:crypto'],
  ['domain', 'natural/lib/natural/util/stopwords.js'],
  ['domainSpec', 'node:fs'],
  ['parsing', '@vigil/domain'],
  ['parsing', 'linkedom'],
  ['parsing', 're2'],
  ['parsingSpec', 'node:fs'],
  ['persistence', 'typeorm'],
  ['persistence', '@nestjs/typeorm'],
  ['persistence', 'pg'],
  ['persistence', '@electric-sql/pglite'],
  ['persistence', '@electric-sql/pglite/contrib/pg_trgm'],
  ['persistence', '@nestjs/common'],
  ['search', '@elastic/elasticsearch'],
  ['search', '@vigil/persistence'],
  ['queue', 'bullmq'],
  ['queue', 'ioredis'],
  ['testing', 'pg'],
  ['testing', 'ioredis'],
  ['e2e', 'pg'],
  ['e2e', 'typeorm'],
  ['e2e', 'node:child_process'],
  ['collection', 'node:http'],
  ['collection', 'undici'],
  ['collection', '@vigil/domain'],
  ['api', '@vigil/collection'],
  ['console', '@vigil/contracts'],
  ['console', 'react'],
];

describe('import boundaries (eslint.config.js)', () => {
  it.each(forbidden)('refuses in %s an import of %s', async (place, specifier, reason) => {
    const messages = await restrictionsFor(PROBE[place], specifier);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
  });

  it.each(allowed)('lets %s import %s', async (place, specifier) => {
    expect(await restrictionsFor(PROBE[place], specifier)).toEqual([]);
  });

  it.each([
    ['domain', 'node:fs/promises', /do no I\/O/],
    ['contracts', '@nestjs/common', /no Nest/],
    ['api', 'ioredis', /Only libs\/queue/],
    ['collection', '@electric-sql/pglite/contrib/pg_trgm', /Only libs\/persistence/],
    ['ingestor', '@elastic/elasticsearch', /Only libs\/search/],
  ] as Array<[Place, string, RegExp]>)('refuses in %s a dynamic import of %s', async (place, specifier, reason) => {
    expect(await restrictionsFor(PROBE[place], specifier, 'dynamic')).toEqual([expect.stringMatching(reason)]);
  });

  it.each([
    ['testing', 'ioredis'],
    ['queue', 'ioredis'],
    ['search', '@elastic/elasticsearch'],
    ['domain', 'node:crypto'],
  ] as Array<[Place, string]>)('lets %s import %s dynamically', async (place, specifier) => {
    expect(await restrictionsFor(PROBE[place], specifier, 'dynamic')).toEqual([]);
  });

  it('lints the CLI with the type-aware promise rule, against a tsconfig that includes it', async () => {
    const asConfigured = new ESLint({ cwd: ROOT });
    const config = (await asConfigured.calculateConfigForFile('apps/cli/src/main.ts')) as {
      rules: Record<string, unknown>;
      languageOptions: { parserOptions?: { projectService?: unknown } };
    };
    expect(config.rules['@typescript-eslint/no-floating-promises']).toEqual([2]);
    expect(config.languageOptions.parserOptions?.projectService).toBe(true);
    const tsconfig = JSON.parse(readFileSync(`${ROOT}/tsconfig.json`, 'utf8')) as { include: string[] };
    expect(tsconfig.include).toContain('apps/cli/src');
  });
});
