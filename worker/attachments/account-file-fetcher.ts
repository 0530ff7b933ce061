import { DEFAULT_ACCOUNT } from '../../bot/core/channel-account.js';
import { AttachmentFetchError } from './attachment-fetch-error.js';
import type { FileFetcher } from './file-fetcher.js';

export interface AccountFileFetcherOptions {
  /** The environment's (`default`) account's fetcher, when its keys are set. */
  fallback?: FileFetcher;
  /** Builds the fetcher of a stored account; `undefined` when the account is unknown or disabled. */
  forAccount: (slug: string) => FileFetcher | undefined;
}

/**
 * Routes each download to the fetcher of the account the user wrote to, building
 * one per account on first use (opening an account's secrets is the costly part).
 * Accounts changed later are picked up because a disabled one is looked up again.
 */
export function createAccountFileFetcher(options: AccountFileFetcherOptions): FileFetcher | undefined {
  const built = new Map<string, FileFetcher>();
  return {
    async download(ref, maxBytes, account = DEFAULT_ACCOUNT) {
      if (account === DEFAULT_ACCOUNT && options.fallback) return options.fallback.download(ref, maxBytes, account);
      let fetcher = built.get(account);
      if (!fetcher) {
        fetcher = options.forAccount(account);
        if (!fetcher) throw new AttachmentFetchError(`no active Telegram account "${account}" to fetch the file with`);
        built.set(account, fetcher);
      }
      return fetcher.download(ref, maxBytes, account);
    },
  };
}
