import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../../runtime/embedded-postgres.js';

export interface PrivateRedis {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: an outage, not a graceful shutdown); `start()` brings it back. */
  crash(): Promise<void>;
  /** Starts it again on the same port (after `crash()`). */
  start(): Promise<void>;
  /** Kills it for good and removes its folder (afterAll). */
  stop(): Promise<void>;
}

/**
 * A `redis-server` of our own on a free port, with persistence off, so a fault
 * test can stop it without touching the Redis the rest of the suite shares.
 */
export interface PrivateRedisOptions {
  /**
   * Keep an append-only file (fsync on every write) in a temp folder, so a
   * crash-and-restart keeps the queued jobs — how a production Redis behind
   * BullMQ must run. Default false: nothing persisted (`--save "" --appendonly no`).
   */
  persistent?: boolean;
}

export async function startPrivateRedis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const dir = mkdtempSync(path.join(tmpdir(), 'dvk-fault-redis-'));
  const persistence = options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];

  // A test that times out never reaches afterAll: do not leave the server behind.
  process.once('exit', () => child?.kill('SIGKILL'));

  async function start(): Promise<void> {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir, '--daemonize', 'no'], {
      stdio: 'ignore',
    });
    child.on('error', () => undefined);
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    client.on('error', () => undefined);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await client.connect();
          await client.ping();
          return;
        } catch (error) {
          client.disconnect();
          if (attempt > 100) throw new Error(`redis-server did not answer on port ${port}: ${(error as Error).message} (is redis-server installed?)`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    } finally {
      client.disconnect();
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    async crash() {
      await stop();
    },
  };
}
