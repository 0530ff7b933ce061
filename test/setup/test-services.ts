/**
 * Where the tests find PostgreSQL and Redis. Defaults are the machines' standard
 * loopback services; override with TEST_DATABASE_URL / TEST_REDIS_URL.
 */
export const TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL the tests use (local server, or embedded when none runs). */
    pgAdminUrl: string;
    /** A migrated database to clone per test file. */
    templateDatabase: string;
    /** Whether the tests that need Redis can run, and if not, why. */
    redis: { available: boolean; url: string; reason: string };
  }
}
