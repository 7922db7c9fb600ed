// One Jest run (native ESM: Nest 12 ships ES modules only) covers unit specs next to the code
// and cross-app end-to-end specs under test/.
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    // The parsing library's second entry: its CPU-heavy parsers (libs/parsing/src/index.ts says why).
    '^@vigil/parsing/parsers$': '<rootDir>/libs/parsing/src/parsers.ts',
    '^@vigil/(contracts|domain|config|persistence|search|queue|parsing|collection|detection|realtime|deadlines|metrics|testing)$': '<rootDir>/libs/$1/src',
  },
  transform: { '^.+\\.tsx?$': ['@swc/jest', { module: { type: 'es6' } }] },
  setupFiles: ['<rootDir>/test/support/loopback-only-dns.cjs'],
};

module.exports = {
  testTimeout: 60000,
  // One worker process, replaced after a file once its heap passes 1 GB. Run in band, the 170 files (each loading
  // its ES modules afresh) and their PGlite instances piled up in one process until an embedded database took over
  // a minute to start, late in the run.
  workerIdleMemoryLimit: '1GB',
  // Worker threads (the parsing pool, the embedded database) cannot use Jest's transform: see test/worker-threads.global-setup.cjs.
  globalSetup: '<rootDir>/test/worker-threads.global-setup.cjs',
  globalTeardown: '<rootDir>/test/worker-threads.global-teardown.cjs',
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/apps/api', '<rootDir>/apps/ingestor', '<rootDir>/libs'], testMatch: ['**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', roots: ['<rootDir>/test'], testMatch: ['**/*.e2e-spec.ts'] },
  ],
};
