/**
 * Prisma CLI configuration (prisma 6.19.3, offline). See README "Adding a migration".
 * The JS engine + driver adapter keep every CLI command off the network; the
 * harmless default URL stops `prisma generate` from trying to download an engine.
 */
import 'dotenv/config';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createCliAdapter } from './prisma/cli-adapter.js';

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => createCliAdapter(databaseUrl) as never,
});
