import { AttachmentFetchError } from './attachment-fetch-error.js';
import { AttachmentTooLargeError } from './attachment-too-large-error.js';

/**
 * GETs a URL into memory, stopping as soon as the body passes `maxBytes` (a
 * declared Content-Length over the limit is refused before reading anything).
 */
export async function downloadCapped(url: string, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new AttachmentFetchError(`download failed: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok || !response.body) throw new AttachmentFetchError(`download answered HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw new AttachmentTooLargeError(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new AttachmentTooLargeError(maxBytes);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof AttachmentTooLargeError) throw error;
    throw new AttachmentFetchError(`download interrupted: ${(error as Error).message}`, { cause: error });
  }
  return Buffer.concat(chunks);
}
