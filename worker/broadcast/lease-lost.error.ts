/**
 * Thrown from a lane's "about to send" hook when the row is no longer this lane's claim
 * (re-claimed after the lease by another lane, or the broadcast was stopped). The send is
 * abandoned before any request leaves; the row belongs to whoever holds it now.
 */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(readonly recipientId: bigint) {
    super(`broadcast recipient ${recipientId} is no longer claimed by this lane; not sent`);
  }
}
