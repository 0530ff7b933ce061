import { spawn, type ChildProcess } from 'node:child_process';
import type { WorkerBuild } from './worker-build.js';

/**
 * A worker-role process of the product (`scripts/start.ts --role worker`), as
 * production runs it, with only `env` (plus PATH/HOME) in its environment. Resolves
 * once it says it started; rejects if it exits before (a SIGKILL from the test is
 * not an early exit). With `compiled` (test/helpers/worker-build.ts) it runs that
 * JavaScript copy with plain node, as `npm run start:prod:worker` does, and starts
 * several seconds sooner than under tsx.
 */
export function startWorkerProcess(env: Record<string, string>, compiled?: WorkerBuild): Promise<ChildProcess> {
  const args = compiled ? [compiled.entry, '--role', 'worker'] : ['--import', 'tsx', 'scripts/start.ts', '--role', 'worker'];
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('bot started')) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`worker exited early (${code}): ${output.slice(-2000)}`));
    });
  });
}

/** SIGKILL, and wait until the process is gone. */
export async function killWorkerProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
