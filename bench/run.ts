/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command
 * line: `npm run bench -- nlu`) and prints its figures. Speed targets live here as
 * printed numbers with ratios against a baseline measured in the same process,
 * never as timed assertions in unit tests.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule } from './bench-result.js';

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

let failed = false;
for (const file of files) {
  const started = Date.now();
  process.stdout.write(`\n## ${file}\n`);
  try {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
    for (const result of await module.run()) {
      const value = Number.isInteger(result.value) ? result.value.toLocaleString('en-US') : result.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
      process.stdout.write(`  ${result.name.padEnd(48)} ${value.padStart(14)} ${result.unit}${result.note ? `   (${result.note})` : ''}\n`);
    }
  } catch (error) {
    failed = true;
    process.stdout.write(`  FAILED: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
if (files.length === 0) process.stdout.write('No bench/*.bench.ts matched.\n');
process.exit(failed ? 1 : 0);
