import type { ChannelsConfig } from '../channels.config.js';
import type { PrismaClient } from '../database.js';
import type { Logger } from '../logger.js';
import { AccountDirectory } from './account-directory.js';
import { AccountsNeedKeyError } from './accounts-need-key.error.js';
import { createChannelAccountStore, type ChannelAccountStore } from './channel-account.store.js';
import { defaultAccountsFrom } from './default-accounts.js';
import { createSecretBox, type SecretBox } from './secret-box.js';

export interface AccountRuntime {
  directory: AccountDirectory;
  store: ChannelAccountStore;
  /** null without CHANNEL_SECRET_KEY: only the environment's accounts can be used. */
  box: SecretBox | null;
}

/**
 * Loads every channel account (the environment's defaults and the stored ward
 * accounts) and starts watching for changes. Refuses to start — AccountsNeedKeyError,
 * whose message says how to fix it — when accounts are stored but CHANNEL_SECRET_KEY
 * is not set: the bot would otherwise run deaf and mute for those wards. A database
 * not reachable yet is not a reason to stop: the change poll loads them later.
 */
export async function startAccountRuntime(deps: { config: ChannelsConfig; prisma: PrismaClient; logger: Logger }): Promise<AccountRuntime> {
  const box = deps.config.secretKeys.length > 0 ? createSecretBox(deps.config.secretKeys) : null;
  const store = createChannelAccountStore(deps.prisma, box);
  const directory = new AccountDirectory({ store, defaults: defaultAccountsFrom(deps.config), refreshMs: deps.config.accountsRefreshMs, logger: deps.logger });
  try {
    await directory.load();
  } catch (error) {
    if (error instanceof AccountsNeedKeyError) throw error;
    // PostgreSQL not reachable yet: serve the environment's accounts now; the refresh poll loads the rest.
    deps.logger.error({ err: error }, 'channel accounts: could not load the stored accounts; serving the environment accounts until the next refresh');
  }
  directory.start();
  return { directory, store, box };
}
