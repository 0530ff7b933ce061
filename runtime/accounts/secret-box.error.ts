/** A sealed channel secret could not be sealed or opened (wrong or missing CHANNEL_SECRET_KEY, altered data). */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}
