/** Browser tests (Playwright + Debian chromium) over the built dist/. Run after `npm run build`. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }] },
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  reporters: ['default', '<rootDir>/test/summary.reporter.js'],
  testTimeout: 120000,
  // One browser at a time: the CI machine has two cores.
  maxWorkers: 1,
};
