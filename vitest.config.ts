import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Tests talk to real PostgreSQL/Redis; each file has its own database and queue prefix.
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Long-running CLI tests spawn processes; keep output readable.
    reporters: ['default'],
  },
});
