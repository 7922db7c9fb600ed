// ESLint flat config (ESM: package.json has "type": "module").
// Pragmatic rules: typescript-eslint's recommended set, one fast type-aware rule (no-floating-promises, STYLE.md §11),
// and import boundaries from STYLE.md ("Layout we aim for") so the layering cannot erode silently.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Import restrictions every file obeys; sections below repeat them because a later rule setting replaces, not merges. */
const commonRestrictions = [
  {
    group: ['@vigil/*/**'],
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

const restrictImports = (...extraPatterns) => ({
  'no-restricted-imports': ['error', { patterns: [...commonRestrictions, ...extraPatterns] }],
});

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

const TS_FILES = ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'test/**/*.ts'];

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
      ...restrictImports(),
    },
  },

  {
    // Type-aware, but only the promise rule: it catches un-awaited queue/DB calls and costs one program per tsconfig.
    // vite.config.ts sits outside both tsconfig projects, hence the narrower glob.
    files: ['apps/api/src/**/*.ts', 'apps/ingestor/src/**/*.ts', 'apps/console/src/**/*.{ts,tsx}', 'libs/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },

  {
    // The console is a browser bundle: among internal packages it may use only the shared contracts.
    files: ['apps/console/src/**/*.ts', 'apps/console/src/**/*.tsx'],
    rules: restrictImports({
      group: ['@vigil/*', '!@vigil/contracts'],
      message: 'The console may import only `@vigil/contracts` among internal packages (server libraries do not run in a browser).',
    }),
  },

  {
    // Cross-app end-to-end tests start the real applications, so they alone may import an app's factory.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: commonRestrictions.filter((pattern) => !pattern.message.startsWith('Nothing imports an app')) }],
    },
  },
]);
