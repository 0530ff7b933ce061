/**
 * A transaction ran longer than its time limit and was rolled back. Like Prisma's
 * interactive-transaction timeout: nothing it did is kept, and the job is retried
 * (a transient failure). If this keeps happening, look for a slow statement or a
 * platform call made while the transaction was open.
 */
export class TransactionExpiredError extends Error {
  override readonly name = 'TransactionExpiredError';
  constructor(timeoutMs: number) {
    super(`The transaction was open longer than ${timeoutMs} ms and was rolled back; nothing it wrote was kept.`);
  }
}
