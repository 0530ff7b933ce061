/**
 * Second half of `npm run build`: tsc emits only JavaScript, but the code reads
 * files that sit beside it (locales, migrations, the seed, NLU data, the console
 * page). Copy every non-TypeScript file of the source folders into dist/ at the
 * same relative path, so `import.meta.dirname`-relative look-ups work unchanged.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// BUILD_OUT_DIR: the compiled-build test builds into a scratch folder instead of dist/.
const dist = path.resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');
const SOURCE_FOLDERS = ['bot', 'worker', 'webhooks', 'runtime', 'prisma', 'scripts', 'locales'];

for (const folder of SOURCE_FOLDERS) {
  const from = path.join(root, folder);
  if (!existsSync(from)) continue;
  cpSync(from, path.join(dist, folder), {
    recursive: true,
    // Directories pass so their files are visited; TypeScript sources were compiled already.
    filter: (source) => !/\.(c|m)?ts$/.test(source) || source.endsWith('.d.ts'),
  });
}
// The Prisma CLI's adapter is TypeScript loaded by prisma.config.ts, not part of the app.
rmSync(path.join(dist, 'prisma', 'cli-adapter.js'), { force: true });
process.stdout.write(`build assets copied into ${path.relative(process.cwd(), dist) || 'dist'}/\n`);
