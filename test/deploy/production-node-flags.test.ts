import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execForm, readDockerfile } from '../helpers/dockerfile.js';
import { PRODUCTION_NODE_FLAGS } from '../../bench/support/spawn-role.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/**
 * The memory figures (bench/memory.bench.ts, docs/scaling.md "Memory") hold only with the V8
 * flags the benches start the roles with: every production start must pass the same ones.
 */
describe('production V8 flags', () => {
  const flagsOf = (command: string[]) => command.filter((arg) => PRODUCTION_NODE_FLAGS.includes(arg) || arg.startsWith('--max-') || arg.startsWith('--heap-') || arg.includes('liftoff'));

  it('npm run start:prod* passes the benches’ flags', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start:prod', 'start:prod:webhooks', 'start:prod:worker']) {
      expect(flagsOf(scripts[name]!.split(/\s+/)), name).toEqual(PRODUCTION_NODE_FLAGS);
    }
  });

  it('the Dockerfile and docker-compose pass the same flags', () => {
    const runtime = readDockerfile(path.join(ROOT, 'Dockerfile')).find((s) => s.name === 'runtime')!;
    expect(flagsOf(execForm(runtime.instructions.find((i) => i.op === 'CMD')!.args))).toEqual(PRODUCTION_NODE_FLAGS);
    const commands = [...read('docker-compose.yml').matchAll(/command: (\[.*\])/g)].map((m) => execForm(m[1]!)).filter((c) => c.includes('dist/scripts/start.js'));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(flagsOf(command)).toEqual(PRODUCTION_NODE_FLAGS);
  });
});
