import { AttachmentFetchError } from './attachment-fetch-error.js';
import { AttachmentTooLargeError } from './attachment-too-large-error.js';
import { downloadCapped } from './download-capped.js';
import type { FileFetcher } from './file-fetcher.js';

export interface TelegramFileFetcherOptions {
  token: string;
  /** Default `https://api.telegram.org` (TELEGRAM_API_ROOT). */
  apiRoot?: string;
  /** Per request. Default 8 s: the turn waits for it inside its transaction. */
  timeoutMs?: number;
}

/**
 * Telegram: `getFile` turns the file_id into a file path (valid for an hour), then
 * `<apiRoot>/file/bot<token>/<file_path>` serves the bytes (bots may fetch up to 20 MB).
 */
export function createTelegramFileFetcher(options: TelegramFileFetcherOptions): FileFetcher {
  const root = options.apiRoot ?? 'https://api.telegram.org';
  const timeoutMs = options.timeoutMs ?? 8_000;
  return {
    async download(fileId, maxBytes) {
      let body: { ok?: boolean; result?: { file_path?: string; file_size?: number }; description?: string };
      try {
        const response = await fetch(`${root}/bot${options.token}/getFile`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ file_id: fileId }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
      } catch (error) {
        throw new AttachmentFetchError(`getFile failed: ${(error as Error).message}`, { cause: error });
      }
      const path = body.result?.file_path;
      if (!body.ok || !path) throw new AttachmentFetchError(`getFile refused: ${body.description ?? 'no file_path'}`);
      if ((body.result?.file_size ?? 0) > maxBytes) throw new AttachmentTooLargeError(maxBytes);
      const bytes = await downloadCapped(`${root}/file/bot${options.token}/${path}`, maxBytes, timeoutMs);
      return { bytes, name: path.split('/').pop() };
    },
  };
}
