import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite has its own config and command (vitest.faults.config.ts, npm run test:faults).
    exclude: ['test/faults/**', 'node_modules/**'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Tests talk to real PostgreSQL/Redis; each file has its own database and queue prefix.
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Long-running CLI tests spawn processes; keep output readable.
    reporters: ['default'],
  },
});
