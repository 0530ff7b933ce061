import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const COMPILED = path.join(ROOT, 'dist', 'scripts', 'start.js');

/** Compiled build (`npm run build`) when present and not refused with BENCH_TSX=1, as production runs. */
export function benchUsesCompiledBuild(): boolean {
  return process.env.BENCH_TSX !== '1' && existsSync(COMPILED);
}

export interface RunningProcess {
  child: ChildProcess;
  pid: number;
  /** The HTTP base URL (webhooks role and bench servers). */
  url: string | null;
  stop(): Promise<void>;
}

function watch(child: ChildProcess, ready: (output: string) => string | null | undefined, what: string): Promise<RunningProcess> {
  return new Promise((resolve, reject) => {
    let output = '';
    let done = false;
    const onData = (chunk: Buffer) => {
      if (done) return; // keep draining, stop remembering
      output += chunk.toString();
      const url = ready(output);
      if (url !== undefined) {
        done = true;
        resolve({ child, pid: child.pid!, url, stop: () => stopProcess(child) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      if (!done) output += chunk.toString();
    });
    child.on('exit', (code) => {
      if (!done) reject(new Error(`${what} exited early (${code}): ${output.slice(-3000)}`));
    });
  });
}

/**
 * The V8 flags of `npm run start:prod*` (package.json, Dockerfile, docker-compose.yml) per role,
 * measured by bench/memory.bench.ts and bench/ingress.bench.ts (docs/scaling.md, "Memory", "Round 5").
 * The worker (and `start:prod`, both roles in one process):
 * - `--max-semi-space-size=4`: a young generation of at most 4 MiB per semi-space instead of
 *   16 keeps ≈ 25–35 MiB less RSS per process;
 * - `--heap-growing-percent=20`: the next full GC comes when the old generation has grown 20 %
 *   past what the last one left, instead of V8's up to 4× — the worker no longer sits at
 *   ≈ 175 MiB of heap holding ≈ 47 MiB of live objects after a load;
 * - `--liftoff-only`: Prisma's query compiler (WebAssembly) stays on V8's baseline compiler, no
 *   optimised second copy of its code: ≈ 12–15 MiB less per process for ≈ 0–7 % more CPU per turn;
 * - `--expose-gc`: lets the idle collector (runtime/idle-collector.ts) run one full GC when a burst ends.
 * The webhooks role keeps V8's own heap growth and 16 MiB semi-spaces: with the worker's two flags its
 * collector took ≈ 20 % of its CPU under load (`perf`), and ingress was 0.75–0.87× grammY's; without
 * them it is ≈ 1.0×, and the idle collector brings its RSS back to ≈ 113 MiB 30 s after a burst.
 */
export const PRODUCTION_NODE_FLAGS = {
  worker: ['--max-semi-space-size=4', '--heap-growing-percent=20', '--liftoff-only', '--expose-gc'],
  webhooks: ['--max-semi-space-size=16', '--liftoff-only', '--expose-gc'],
} as const;

/** One role of the product (`scripts/start.ts --role …`), compiled when built, with only `env`. */
export function spawnRole(role: 'webhooks' | 'worker', env: Record<string, string>, options: { compiledDir?: string } = {}): Promise<RunningProcess> {
  // BENCH_CPU_PROF=<dir>: the product's processes write a V8 CPU profile there when they stop.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
  // BENCH_ROLE_NODE_FLAGS: extra node/V8 flags to try (command line: NODE_OPTIONS refuses most V8 flags).
  const extra = process.env.BENCH_ROLE_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  // `compiledDir`: another build of the product (a copy of an earlier `dist/`), for a before/after in one run.
  const entry = options.compiledDir ? [path.join(path.resolve(options.compiledDir), 'scripts', 'start.js'), '--role', role] : null;
  // BENCH_WEBHOOKS_NODE_FLAGS / BENCH_WORKER_NODE_FLAGS: the same for one role only (GC trade-offs differ by role).
  const roleExtra = (role === 'webhooks' ? process.env.BENCH_WEBHOOKS_NODE_FLAGS : process.env.BENCH_WORKER_NODE_FLAGS)?.split(' ').filter(Boolean) ?? [];
  const args = [...profile, ...PRODUCTION_NODE_FLAGS[role], ...extra, ...roleExtra, ...(entry ?? (benchUsesCompiledBuild() ? [COMPILED, '--role', role] : ['--import', 'tsx', 'scripts/start.ts', '--role', role]))];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(
    child,
    (output) => {
      if (role === 'webhooks') return /Health:\s+(http:\/\/[^\s/]+)/.exec(output)?.[1];
      return output.includes('bot started') ? null : undefined;
    },
    `${role} process`,
  );
}

/** A bench server script (`bench/support/<file>`), run through tsx. */
export function spawnBenchScript(file: string, args: string[], env: Record<string, string>): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'support', file), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child, (output) => /listening (http:\/\/\S+)/.exec(output)?.[1], file);
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
