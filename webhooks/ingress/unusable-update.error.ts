/**
 * The queue store is up but refused this update for its DATA (e.g. PostgreSQL
 * 22P05 on a NUL that slipped through). Retrying cannot help, so the route answers
 * 200 and keeps the update in `rejected_update` instead of a 503 that would make
 * the platform redeliver it forever (and, on Telegram, hold every later update).
 */
export class UnusableUpdateError extends Error {
  override readonly name = 'UnusableUpdateError';
  constructor(readonly detail: string, cause: unknown) {
    super(`The queue store refused this update for its content (${detail}); it is kept in rejected_update and not retried.`, { cause });
  }
}
