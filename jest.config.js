// One Jest run covers unit specs next to the code and cross-app end-to-end specs under test/.
const aliases = {
  '^@vigil/(contracts|domain|config|persistence|search|queue|collection|observability|testing)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps/api', '<rootDir>/apps/ingestor', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
      moduleNameMapper: aliases,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      moduleNameMapper: aliases,
      transform,
    },
  ],
};
