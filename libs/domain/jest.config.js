/** Domain tests: pure TypeScript, transformed by swc; the clock is always passed in. */
process.env.TZ = 'UTC';
module.exports = {
  displayName: 'domain',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};
