import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Prisma } from '../../prisma/generated/client.js';
import { SavepointClient } from './savepoint-client.js';
import { toQueryConfig, type SqlRowsOptions, type SqlRunner } from './sql-runner.js';
import { TransactionExpiredError } from './transaction-expired.error.js';

export interface SqlTransactionOptions {
  /** Longest the transaction may stay open; past it, it is rolled back (default 20,000 ms). */
  timeoutMs?: number;
  /** Longest to wait for a free connection (default 10,000 ms). */
  maxWaitMs?: number;
}

/** One open transaction: its connection, and whether it may still be used. */
class TransactionScope {
  open = true;
  expired = false;
  savepoints = 0;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly client: pg.PoolClient,
    readonly timeoutMs: number,
  ) {}

  /**
   * One statement on the transaction's connection, after the ones already asked for:
   * features may start queries side by side (Promise.all), and node-postgres will stop
   * queueing them itself in pg 9.
   */
  query(config: pg.QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult> {
    if (this.expired) return Promise.reject(new TransactionExpiredError(this.timeoutMs));
    const run = () => this.client.query(config as pg.QueryConfig, values);
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * The process's PostgreSQL pool, shared by Prisma (through its driver adapter) and by
 * our own SQL — and aware of the transaction open on the current async path.
 *
 * `transaction(fn)` opens a transaction on one connection and runs `fn`; until it
 * ends, every query issued from that async path — our SQL through the runner it is
 * given, and Prisma's ORM calls on the ordinary client — runs on that connection,
 * inside the transaction. So a conversation turn is one plain BEGIN … COMMIT, its own
 * statements cost a driver call each, and the features keep their ORM calls, all
 * atomic together. (Prisma's interactive `$transaction` does the same job at ≈ 1 ms of
 * CPU more per turn plus the compiler's cost on every raw statement in it.)
 *
 * Once the transaction has ended, late work started from it (a timer, a promise
 * nobody awaited) uses the pool like any other query, never the returned connection.
 */
export class ScopedPool extends pg.Pool {
  readonly #scope = new AsyncLocalStorage<TransactionScope>();
  /** Whether `{ prepare: true }` statements are named (default true; PgBouncer before 1.21 in transaction mode cannot keep them). */
  readonly #prepared: boolean;

  constructor(config: pg.PoolConfig & { preparedStatements?: boolean } = {}) {
    const { preparedStatements, ...poolConfig } = config;
    super(poolConfig);
    this.#prepared = preparedStatements ?? true;
  }

  /** The open transaction of this async path, if any. */
  #current(): TransactionScope | undefined {
    const scope = this.#scope.getStore();
    return scope?.open ? scope : undefined;
  }

  // pg's overloads (callback / promise, config / text) are forwarded as they come.
  override query(...args: unknown[]): never {
    const scope = this.#current();
    if (!scope) return (super.query as (...a: unknown[]) => never)(...args);
    if (typeof args.at(-1) === 'function') throw new Error('ScopedPool: callback-style query() inside a transaction is not supported; use the promise form.');
    return scope.query(args[0] as pg.QueryConfig, args[1] as unknown[] | undefined) as never;
  }

  override connect(...args: unknown[]): never {
    const scope = this.#current();
    if (!scope || args.length > 0) return (super.connect as (...a: unknown[]) => never)(...args);
    return Promise.resolve(new SavepointClient(scope, `dvk_sp_${++scope.savepoints}`)) as never;
  }

  /** Hand-written SQL on this pool (inside the current transaction when there is one). */
  readonly sql: SqlRunner = {
    rows: async <Row>(query: Prisma.Sql, options?: SqlRowsOptions) =>
      (await (this.query as (c: pg.QueryConfig) => Promise<pg.QueryResult>)(toQueryConfig(query, this.#prepared && options?.prepare === true))).rows as Row[],
  };

  /**
   * Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws (the
   * error is rethrown). Called inside another transaction on the same path, it joins it.
   */
  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>, options: SqlTransactionOptions = {}): Promise<T> {
    if (this.#current()) return fn(this.sql);
    const timeoutMs = options.timeoutMs ?? 20_000;
    const client = await this.#acquire(options.maxWaitMs ?? 10_000);
    // A leased connection that loses its server emits 'error'; unheard, that would end the
    // process. The statement in flight rejects anyway, and the rollback below discards it.
    const onConnectionError = () => undefined;
    client.on('error', onConnectionError);
    const scope = new TransactionScope(client, timeoutMs);
    const timer = setTimeout(() => (scope.expired = true), timeoutMs);
    timer.unref();
    const tx: SqlRunner = {
      rows: async <Row>(query: Prisma.Sql, options?: SqlRowsOptions) => (await scope.query(toQueryConfig(query, this.#prepared && options?.prepare === true))).rows as Row[],
    };
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await this.#scope.run(scope, () => fn(tx));
      if (scope.expired) throw new TransactionExpiredError(timeoutMs);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = await client.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      throw error;
    } finally {
      scope.open = false;
      clearTimeout(timer);
      client.removeListener('error', onConnectionError);
      releaseOnce(client, broken);
    }
  }

  async #acquire(maxWaitMs: number): Promise<pg.PoolClient> {
    const pending = super.connect();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No PostgreSQL connection became free within ${maxWaitMs} ms (pool of ${this.options.max}); raise the pool size or lower WORKER_CONCURRENCY.`)), maxWaitMs);
    });
    try {
      return await Promise.race([pending, timedOut]);
    } catch (error) {
      // The connection may still come: give it straight back.
      pending.then((late) => releaseOnce(late, false), () => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A connection whose server went away was already released by the pool's 'end' handler. */
function releaseOnce(client: pg.PoolClient, destroy: boolean): void {
  try {
    client.release(destroy ? new Error('transaction could not be rolled back: connection discarded') : undefined);
  } catch {
    // Already back in the pool (released when its connection ended).
  }
}
