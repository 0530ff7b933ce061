import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The same folders as `npm run build` (scripts/copy-build-assets.ts).
const SOURCE_FOLDERS = ['bot', 'worker', 'webhooks', 'runtime', 'prisma', 'scripts', 'locales'];

/** A compiled copy of the product for tests that start many worker processes; `remove()` when done. */
export interface WorkerBuild {
  /** `scripts/start.js` of the copy. */
  entry: string;
  remove(): void;
}

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(m?ts)$/.test(e.name) && !e.name.endsWith('.d.ts') && !/\.test\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Compiles the source folders file by file (no bundling: `import.meta.dirname` look-ups of
 * locales, migrations, NLU data keep working) into a scratch folder under node_modules/.cache,
 * where `node_modules` is still found by walking up. Why: a worker under `tsx` spends ≈ 5 s of
 * its start (on a quiet 2-core machine, far more under load) in the loader hooks compiling and
 * resolving hundreds of modules; the kill test starts six. Takes ≈ 1–2 s, fresh from the
 * working tree on every call, so it can never run stale code.
 */
export async function buildWorker(): Promise<WorkerBuild> {
  const out = path.join(ROOT, 'node_modules', '.cache', `dvk-worker-${randomBytes(4).toString('hex')}`);
  const entryPoints = SOURCE_FOLDERS.flatMap((folder) => {
    try {
      return typescriptFiles(path.join(ROOT, folder));
    } catch {
      return [];
    }
  });
  await build({ entryPoints, outdir: out, outbase: ROOT, format: 'esm', platform: 'node', target: 'node20', bundle: false, sourcemap: false, logLevel: 'error' });
  for (const folder of SOURCE_FOLDERS) {
    // Locales, migrations, the seed's data, the console page: beside the code, as in dist/.
    cpSync(path.join(ROOT, folder), path.join(out, folder), { recursive: true, filter: (source) => !/\.(c|m)?ts$/.test(source) });
  }
  // Under node_modules no package.json says "module": without this the .js files would load as CommonJS.
  writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  mkdirSync(out, { recursive: true });
  return { entry: path.join(out, 'scripts', 'start.js'), remove: () => rmSync(out, { recursive: true, force: true }) };
}
