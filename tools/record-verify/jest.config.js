/** The record verifier's tests. It is a client of @parallel/domain's build, as `npm run -s verify` runs it. */
process.env.TZ = 'UTC';
module.exports = {
  displayName: 'record-verify',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};
