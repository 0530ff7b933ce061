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
  const flagsOf = (command: string[]) => command.filter((arg) => arg.startsWith('--max-') || arg.startsWith('--heap-') || arg.includes('liftoff') || arg === '--expose-gc');
  /** The role a start command runs; both roles in one process are held to the worker's (tighter) flags. */
  const roleOf = (command: string[]) => (command[command.indexOf('--role') + 1] === 'webhooks' && command.includes('--role') ? 'webhooks' : 'worker');

  it('npm run start:prod* passes the benches’ flags for its role', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start:prod', 'start:prod:webhooks', 'start:prod:worker']) {
      const command = scripts[name]!.split(/\s+/);
      expect(flagsOf(command), name).toEqual(PRODUCTION_NODE_FLAGS[roleOf(command)]);
    }
    expect(roleOf(scripts['start:prod:webhooks']!.split(/\s+/))).toBe('webhooks');
  });

  it('the Dockerfile and docker-compose pass the same flags for each role', () => {
    const runtime = readDockerfile(path.join(ROOT, 'Dockerfile')).find((s) => s.name === 'runtime')!;
    const cmd = execForm(runtime.instructions.find((i) => i.op === 'CMD')!.args);
    expect(flagsOf(cmd)).toEqual(PRODUCTION_NODE_FLAGS[roleOf(cmd)]);
    const commands = [...read('docker-compose.yml').matchAll(/command: (\[.*\])/g)].map((m) => execForm(m[1]!)).filter((c) => c.includes('dist/scripts/start.js'));
    expect(commands.map(roleOf).sort()).toEqual(['webhooks', 'worker']);
    for (const command of commands) expect(flagsOf(command)).toEqual(PRODUCTION_NODE_FLAGS[roleOf(command)]);
  });
});
