/** Stored ward accounts exist (or one is being created) but no CHANNEL_SECRET_KEY is configured to open them. */
export class AccountsNeedKeyError extends Error {
  override readonly name = 'AccountsNeedKeyError';
  constructor(count: number) {
    super(
      `${count === 0 ? 'A channel account cannot be stored' : `${count} channel account(s) are stored in channel_account`} but CHANNEL_SECRET_KEY is not set, ` +
        'so their tokens cannot be opened. Set CHANNEL_SECRET_KEY to the key they were sealed with (32 bytes, 64 hex characters; ' +
        'a new deployment: `openssl rand -hex 32`) in the environment of every process, then start again (docs/channels.md "Many accounts").',
    );
  }
}
