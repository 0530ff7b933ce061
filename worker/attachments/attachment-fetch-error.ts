/** The platform did not hand a file over (network, 4xx/5xx, timeout): the user is asked to send it again. */
export class AttachmentFetchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AttachmentFetchError';
  }
}
