import type pg from 'pg';

/**
 * What Prisma's driver adapter gets from `pool.connect()` while a turn's transaction
 * is open on this async path (scoped-pool.ts): the turn's own connection, where the
 * adapter's BEGIN / COMMIT / ROLLBACK become a savepoint, and `release()` does not
 * hand the connection back — the turn does that when it commits.
 *
 * Why: some ORM calls (an upsert, a nested create) open a transaction of their own.
 * On a second connection they would not see the turn's uncommitted rows and would
 * wait on its locks; on the same connection a real BEGIN/COMMIT would commit the turn
 * half-way. A savepoint keeps them inside the turn, all or nothing with it.
 */
/** The open transaction a savepoint lives in (scoped-pool.ts). */
export interface SavepointHost {
  readonly client: pg.PoolClient;
  query(config: pg.QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult>;
}

export class SavepointClient {
  readonly #host: SavepointHost;
  readonly #name: string;

  constructor(host: SavepointHost, name: string) {
    this.#host = host;
    this.#name = name;
  }

  query(config: pg.QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult> {
    const text = typeof config === 'string' ? config : config.text;
    const statement = savepointStatement(text, this.#name);
    return statement ? this.#host.query(statement) : this.#host.query(config, values);
  }

  /** The turn returns the connection to the pool; nothing to do here. */
  release(): void {}

  on(event: 'error', listener: (error: Error) => void): this {
    this.#host.client.on(event, listener);
    return this;
  }

  removeListener(event: 'error', listener: (error: Error) => void): this {
    this.#host.client.removeListener(event, listener);
    return this;
  }
}

/** BEGIN / COMMIT / ROLLBACK as the savepoint statements, or null for any other statement. */
export function savepointStatement(text: string, name: string): string | null {
  switch (text.trim().toUpperCase()) {
    case 'BEGIN':
      return `SAVEPOINT ${name}`;
    case 'COMMIT':
      return `RELEASE SAVEPOINT ${name}`;
    case 'ROLLBACK':
      return `ROLLBACK TO SAVEPOINT ${name}`;
    default:
      return null;
  }
}
