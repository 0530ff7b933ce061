import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from '../../prisma/generated/client.js';

/**
 * Runs hand-written SQL straight on node-postgres, skipping the ORM's per-call query
 * compiler (≈ 0.4 ms of CPU per statement here, against ≈ 0.1 ms for the driver).
 * Queries are `Prisma.sql` templates, so values are always bound parameters.
 *
 * The rows come back as node-postgres types them: int8 / bigint columns (and arrays
 * of them) as strings — convert with `BigInt()` —, numeric as strings, timestamptz as
 * `Date`, json / jsonb parsed.
 */
export interface SqlRunner {
  rows<Row>(query: Prisma.Sql, options?: SqlRowsOptions): Promise<Row[]>;
}

export interface SqlRowsOptions {
  /**
   * Run it as a named prepared statement: PostgreSQL parses and plans the text once per
   * connection, and later calls send only the values. For the few statements every turn
   * runs, whose text never changes (only their values do) — a text built with a varying
   * number of placeholders would leave one prepared statement per shape on every
   * connection. Default false. Ignored where the pool was made without prepared
   * statements (`DATABASE_PREPARED_STATEMENTS=false`, runtime/config.ts).
   */
  prepare?: boolean;
}

/** Statement names by text: the name is a digest of the text, so one text is one statement per connection. */
const statementNames = new Map<string, string>();

/** The name of the prepared statement for `text` (`dvk_` and 20 hex digits of its SHA-1). */
export function preparedStatementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `dvk_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    // A runaway caller (a varying text marked `prepare`) must not grow this without bound.
    if (statementNames.size >= 1_000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

/** The node-postgres form of a `Prisma.sql` template ($1, $2… placeholders), named when prepared. */
export function toQueryConfig(query: Prisma.Sql, prepare = false): pg.QueryConfig {
  return prepare ? { name: preparedStatementName(query.text), text: query.text, values: query.values as unknown[] } : { text: query.text, values: query.values as unknown[] };
}
