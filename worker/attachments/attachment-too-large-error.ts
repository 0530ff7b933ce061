/** A download went past the size limit: the file is refused, not retried. */
export class AttachmentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'AttachmentTooLargeError';
  }
}
