/**
 * Is a failure the data's fault (the same input fails the same way every time)
 * or the store's (connection lost, restart, lock or serialization conflict)?
 * Ingress answers 503 only for the second kind; the worker retries only the
 * second kind and dead-letters the first after ONE attempt.
 *
 * PostgreSQL SQLSTATE classes that are deterministic for a given input:
 * 22 data exception (22P05 "\u0000 in jsonb", 22021 bad UTF-8, 22001 too long…),
 * 23 integrity constraint (except 23505 unique: a race between two writers can
 * cause it, a retry sees the winner's row), 42 syntax / undefined object (a bug),
 * 54 program limit exceeded (e.g. an index row too large). Everything else —
 * 08 connection, 40 serialization/deadlock, 53 resources, 55 lock not available,
 * 57 shutdown/cancel, network errors, timeouts — is transient.
 */
export type FailureKind = 'data' | 'transient';

const DATA_SQLSTATE_CLASSES = new Set(['22', '23', '42', '54']);
const TRANSIENT_SQLSTATES = new Set(['23505']);
/** JavaScript errors that a retry cannot fix: a bug throwing on this input, a failed schema parse. */
const DATA_ERROR_NAMES = new Set(['TypeError', 'RangeError', 'SyntaxError', 'ZodError', 'PrismaClientValidationError', 'URIError']);

export function classifyFailure(error: unknown): FailureKind {
  for (const link of causeChain(error)) {
    const sqlState = sqlStateOf(link);
    if (sqlState) {
      if (TRANSIENT_SQLSTATES.has(sqlState)) return 'transient';
      return DATA_SQLSTATE_CLASSES.has(sqlState.slice(0, 2)) ? 'data' : 'transient';
    }
    const name = (link as { name?: unknown }).name;
    if (typeof name === 'string' && DATA_ERROR_NAMES.has(name)) return 'data';
  }
  return 'transient';
}

/** The SQLSTATE of a node-postgres error, or of one wrapped by Prisma's driver adapter. */
export function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } }).meta;
  const adapterCode = meta?.driverAdapterError?.cause?.originalCode ?? meta?.driverAdapterError?.cause?.code;
  if (typeof adapterCode === 'string' && /^[0-9A-Z]{5}$/.test(adapterCode)) return adapterCode;
  const code = (error as { code?: unknown }).code;
  // node-postgres DatabaseError: 5-character SQLSTATE. Node's own codes (ECONNREFUSED) and Prisma's (P2010) are not.
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^P\d{4}$/.test(code) && (error as { severity?: unknown }).severity !== undefined) return code;
  return undefined;
}

function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/** A short, log-safe description: SQLSTATE and first line of the message, never the data. */
export function describeFailure(error: unknown): string {
  const sqlState = causeChainFirst(error, sqlStateOf);
  // ZodError's message is a JSON array of issues: name the first issue instead.
  const issues = (error as { issues?: Array<{ path?: unknown[]; message?: string }> })?.issues;
  const text = Array.isArray(issues) && issues[0] ? `${issues[0].path?.join('.') ?? ''}: ${issues[0].message ?? ''}` : error instanceof Error ? error.message : String(error);
  const message = `${error instanceof Error ? error.name : 'Error'}: ${text.split('\n')[0]!.slice(0, 200)}`;
  return sqlState ? `${sqlState} ${message}` : message;
}

function causeChainFirst<T>(error: unknown, pick: (link: unknown) => T | undefined): T | undefined {
  for (const link of causeChain(error)) {
    const value = pick(link);
    if (value !== undefined) return value;
  }
  return undefined;
}
