/**
 * `npm run db:diff -- <name>`: writes the SQL that takes the committed migrations
 * to the current prisma/schema.prisma into prisma/migrations/<timestamp>_<name>/,
 * without applying it (works offline; needs a reachable PostgreSQL for the shadow
 * database: DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 * Review the SQL, add anything Prisma cannot express (triggers, checks), commit.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]{2,60}$/.test(name)) {
  console.error('Usage: npm run db:diff -- <name>   (lowercase letters, digits and _; e.g. add_events)');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
// Diff into a temporary file first: an empty folder inside prisma/migrations
// would itself be read as a (broken) migration by --from-migrations.
const scratch = path.join(tmpdir(), `dvk-migration-${process.pid}.sql`);
execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--script', '-o', scratch],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
const sql = readFileSync(scratch, 'utf8');
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  rmSync(scratch, { force: true });
  console.log('The schema matches the committed migrations: nothing to write.');
} else {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'migration.sql');
  copyFileSync(scratch, file);
  rmSync(scratch, { force: true });
  console.log(`Wrote ${file}. Review it, then apply with \`npm run db:migrate\` (or just run the tests).`);
}
