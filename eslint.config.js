// ESLint flat config (ESM: package.json has "type": "module").
// Pragmatic rules: typescript-eslint's recommended set, one fast type-aware rule (no-floating-promises, STYLE.md §11),
// and import boundaries from STYLE.md ("Layout we aim for") so the layering cannot erode silently.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Import restrictions every file obeys; sections below repeat them because a later rule setting replaces, not merges. */
const commonRestrictions = [
  {
    // @vigil/parsing/parsers is the parsing library's second entry: its CPU-heavy parsers, kept out of the API's memory.
    group: ['@vigil/*/**', '!@vigil/parsing/parsers'],
    message: 'Import a library through its index (`@vigil/<name>`), not its internals.',
  },
  {
    // A relative path into libs/ bypasses the library's index and the path aliases.
    regex: String.raw`^\.{1,2}/(?:.*/)?libs(?:/|$)`,
    message: 'Import a library as `@vigil/<name>`, not by a relative path.',
  },
  {
    // Climbing out of one package into another's src/ (../../persistence/src/…, ../../ingestor/src/…).
    regex: String.raw`^(?:\.\./)+[\w-]+/src(?:/|$)`,
    message: 'Do not reach into another app or library by a relative path: import a library through `@vigil/<name>`.',
  },
  {
    regex: String.raw`^\.{1,2}/(?:.*/)?apps(?:/|$)`,
    message: 'Nothing imports an app: libraries never import apps, and apps never import each other.',
  },
];

const restrictImports = (...extraPatterns) => restrictionRules([...commonRestrictions, ...extraPatterns]);

/**
 * no-restricted-imports sees only static imports, so a pattern may also carry `dynamic`, a regular expression for the
 * specifiers `import('…')` may not load either (checked with no-restricted-syntax; esquery regexes cannot hold a `/`).
 */
const restrictionRules = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((pattern) => Object.fromEntries(Object.entries(pattern).filter(([key]) => key !== 'dynamic'))) }],
  'no-restricted-syntax': [
    'error',
    ...patterns
      .filter((pattern) => pattern.dynamic)
      .map((pattern) => ({
        selector: `ImportExpression[source.value=/${pattern.dynamic.replaceAll('/', String.raw`\x2F`)}/]`,
        message: pattern.message,
      })),
  ],
});

/**
 * Third-party packages one library owns (STYLE.md "Boundaries"): everyone else reaches them through that library's port.
 * `allow` lets a section keep some of a group, e.g. test helpers that use `pg` or `ioredis` directly for isolation.
 */
const OWNED_PACKAGES = {
  persistence: { packages: ['typeorm', '@nestjs/typeorm', 'pg', '@electric-sql/*'], owner: 'libs/persistence (TypeORM repositories, the embedded PGlite server)' },
  search: { packages: ['@elastic/*'], owner: 'libs/search (the SearchEngine port)' },
  queue: { packages: ['bullmq', 'ioredis'], owner: 'libs/queue (the JobQueue port and its Redis connection)' },
  metrics: { packages: ['prom-client'], owner: 'libs/metrics (VigilMetrics, one registry per process)' },
};
const ownedBy = (library, { allow = [] } = {}) => {
  const { packages, owner } = OWNED_PACKAGES[library];
  const restricted = packages.filter((name) => !allow.includes(name));
  const group = restricted.flatMap((name) => [name, `${name}/**`]);
  const names = restricted.map((name) => name.replace('/*', '/[^/]+'));
  const dynamic = `^(?:${names.join('|')})(?:/|$)`;
  return { group, dynamic, message: `Only ${owner} imports this package: use that library instead.` };
};
/** The owned groups a section may not import: all of them except the libraries named (its own). */
const packagesOwnedElsewhere = (own = [], allow = {}) =>
  Object.keys(OWNED_PACKAGES)
    .filter((library) => !own.includes(library))
    .map((library) => ownedBy(library, { allow: allow[library] }));

/** contracts, domain and parsing are plain TypeScript (STYLE.md): no framework, no I/O, so they run anywhere (worker threads too). */
const noNest = { group: ['@nestjs/*'], dynamic: '^@nestjs/', message: 'contracts, domain and parsing carry no Nest: keep providers, decorators and modules in the libraries that use them.' };
const NODE_IO = String.raw`^(?:node:)?(?:fs|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads|readline|inspector)(?:/.*)?$|^undici(?:/|$)`;
const noNodeIo = {
  // Bare and `node:` forms, with subpaths (fs/promises, dns/promises). Pure modules such as node:crypto stay allowed.
  regex: NODE_IO,
  dynamic: NODE_IO,
  message: 'contracts, domain and parsing do no I/O: take the data as an argument and let an app or an I/O library fetch it.',
};

/** Node.js globals for the few plain JavaScript files (the `globals` package is not a dependency). */
const nodeGlobals = {
  console: 'readonly',
  process: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  setImmediate: 'readonly',
  queueMicrotask: 'readonly',
  structuredClone: 'readonly',
  fetch: 'readonly',
  AbortController: 'readonly',
  TextEncoder: 'readonly',
  TextDecoder: 'readonly',
};
const commonJsGlobals = { module: 'writable', exports: 'writable', require: 'readonly', __dirname: 'readonly', __filename: 'readonly' };

const TS_FILES = ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'];

export default defineConfig([
  globalIgnores(['**/dist/', '**/node_modules/', 'apps/console/dist/', 'data/', 'coverage/']),

  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
  },

  {
    files: TS_FILES,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      ...restrictImports(...packagesOwnedElsewhere()),
    },
  },

  {
    // Type-aware, but only the promise rule: it catches un-awaited queue/DB calls and costs one program per tsconfig.
    // vite.config.ts sits outside both tsconfig projects, hence the narrower glob.
    files: ['apps/api/src/**/*.ts', 'apps/ingestor/src/**/*.ts', 'apps/cli/src/**/*.ts', 'apps/console/src/**/*.{ts,tsx}', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },

  // Library boundaries. Each section lists every restriction for its files, since a later setting replaces an earlier one.
  { files: ['libs/persistence/**/*.ts'], rules: restrictImports(...packagesOwnedElsewhere(['persistence'])) },
  { files: ['libs/search/**/*.ts'], rules: restrictImports(...packagesOwnedElsewhere(['search'])) },
  { files: ['libs/queue/**/*.ts'], rules: restrictImports(...packagesOwnedElsewhere(['queue'])) },
  { files: ['libs/metrics/**/*.ts'], rules: restrictImports(...packagesOwnedElsewhere(['metrics'])) },
  {
    // Test helpers create and drop each run's database with plain `pg` and delete each run's Redis keys with `ioredis`:
    // that is isolation set-up around the app, not the app talking SQL or Redis behind its libraries' backs.
    files: ['libs/testing/**/*.ts'],
    rules: restrictImports(...packagesOwnedElsewhere([], { persistence: ['pg'], queue: ['ioredis'] })),
  },
  {
    // Pure rules: they may use the shared contracts and nothing else internal (every other library brings Nest or I/O).
    files: ['libs/domain/**/*.ts'],
    rules: restrictImports(...packagesOwnedElsewhere(), noNest, noNodeIo, {
      group: ['@vigil/*', '!@vigil/contracts'],
      message: 'domain may import only `@vigil/contracts` among internal packages.',
    }),
  },
  {
    // A domain spec may read its fixture file from disk; the library itself still may not (the section above).
    files: ['libs/domain/**/*.spec.ts'],
    rules: restrictImports(...packagesOwnedElsewhere(), noNest, {
      group: ['@vigil/*', '!@vigil/contracts'],
      message: 'domain may import only `@vigil/contracts` among internal packages.',
    }),
  },
  {
    // Pure parsing (feeds, sitemaps, listings, articles, OPML): documents in, data out; fetching is the collection
    // library's. It may use the shared contracts and domain rules, nothing else internal.
    files: ['libs/parsing/**/*.ts'],
    ignores: ['libs/parsing/**/*.spec.ts'],
    rules: restrictImports(...packagesOwnedElsewhere(), noNest, noNodeIo, {
      group: ['@vigil/*', '!@vigil/contracts', '!@vigil/domain'],
      message: 'parsing may import only `@vigil/contracts` and `@vigil/domain` among internal packages.',
    }),
  },
  {
    // A parsing spec may read its fixture files from disk.
    files: ['libs/parsing/**/*.spec.ts'],
    rules: restrictImports(...packagesOwnedElsewhere(), noNest, {
      group: ['@vigil/*', '!@vigil/contracts', '!@vigil/domain'],
      message: 'parsing may import only `@vigil/contracts` and `@vigil/domain` among internal packages.',
    }),
  },
  {
    // Everyone imports contracts, so it imports nothing internal (no cycles, and it stays safe for the browser).
    files: ['libs/contracts/**/*.ts'],
    rules: restrictImports(...packagesOwnedElsewhere(), noNest, noNodeIo, {
      group: ['@vigil/*'],
      message: 'contracts imports nothing internal: every other package depends on it.',
    }),
  },

  {
    // The console is a browser bundle: among internal packages it may use only the shared contracts.
    files: ['apps/console/src/**/*.ts', 'apps/console/src/**/*.tsx'],
    rules: restrictImports(...packagesOwnedElsewhere(), {
      group: ['@vigil/*', '!@vigil/contracts'],
      message: 'The console may import only `@vigil/contracts` among internal packages (server libraries do not run in a browser).',
    }),
  },

  {
    // Cross-app end-to-end tests start the real applications, so they alone may import an app's factory.
    // Like the helpers in libs/testing they may open a run's own database with `pg`, and the real-PostgreSQL tier
    // (query plans) builds its own TypeORM DataSource on it; Redis keys go through @vigil/testing.
    files: ['test/**/*.ts'],
    rules: restrictionRules([
      ...commonRestrictions.filter((pattern) => !pattern.message.startsWith('Nothing imports an app')),
      ...packagesOwnedElsewhere([], { persistence: ['pg', 'typeorm'] }),
    ]),
  },

  {
    // The benchmark measures code paths the library indexes do not export (parseFeed, extractArticle, toNewItem, the
    // collect processor) and starts the real API, so it alone may reach into libraries and apps by path.
    files: ['bench/**/*.ts'],
    rules: restrictionRules(packagesOwnedElsewhere([], { persistence: ['pg', 'typeorm'] })),
  },
]);
