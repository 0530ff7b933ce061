import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`, also run by `.ci/run` after `npm test`):
 * each file starts and stops its own Redis (and, where it restarts it, its own
 * PostgreSQL) on free ports, breaks it on purpose and counts what the platform
 * fakes received. Kept out of `npm test` because it is slow by design.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    pool: 'forks',
    // Two cores for the whole run: one fault at a time keeps the figures honest.
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
