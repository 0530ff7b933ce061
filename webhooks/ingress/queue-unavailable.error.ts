/** The queue store did not accept an update; the route answers 503 so the platform retries. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  constructor(cause: unknown) {
    super(
      `The queue store is unreachable, so the update was not accepted (${(cause as Error)?.message ?? String(cause)}). ` +
        'Check REDIS_URL / that Redis is running; the platform will redeliver.',
      { cause },
    );
  }
}
