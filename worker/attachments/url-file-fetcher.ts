import { downloadCapped } from './download-capped.js';
import type { FileFetcher } from './file-fetcher.js';

/**
 * Zalo Bot and Zalo OA hand photos and files over as a direct (CDN) URL in the
 * webhook: the worker downloads it as it is.
 */
export function createUrlFileFetcher(options: { timeoutMs?: number } = {}): FileFetcher {
  const timeoutMs = options.timeoutMs ?? 8_000;
  return {
    async download(url, maxBytes) {
      const bytes = await downloadCapped(url, maxBytes, timeoutMs);
      const last = new URL(url).pathname.split('/').pop();
      return { bytes, name: last ? decodeURIComponent(last) : undefined };
    },
  };
}
