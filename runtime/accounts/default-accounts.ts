import { DEFAULT_ACCOUNT, channelAccountId } from '../../bot/core/channel-account.js';
import type { ChannelsConfig } from '../channels.config.js';
import type { ChannelAccount } from './channel-account.js';

/**
 * The environment's single-account keys as the `default` account of each channel:
 * held in memory only (never stored), so a one-ward deployment needs no key, no
 * row and no change. The existing `/webhooks/<channel>` paths serve it.
 */
export function defaultAccountsFrom(config: ChannelsConfig): ChannelAccount[] {
  const accounts: ChannelAccount[] = [];
  const base = { slug: DEFAULT_ACCOUNT, unitId: null, status: 'active' as const, source: 'env' as const, stamp: 0 };
  if (config.telegram) {
    const t = config.telegram;
    const secrets = { channel: 'telegram' as const, secrets: { token: t.token, webhookSecret: t.webhookSecret ?? '' } };
    accounts.push({ ...base, id: channelAccountId('telegram', DEFAULT_ACCOUNT), kind: 'telegram', channel: 'telegram', displayName: 'TELEGRAM_BOT_TOKEN', username: t.username, secrets: () => secrets });
  }
  if (config.zaloBot) {
    const z = config.zaloBot;
    const secrets = { channel: 'zalo-bot' as const, secrets: { token: z.token, webhookSecret: z.webhookSecret ?? '' } };
    accounts.push({ ...base, id: channelAccountId('zalo-bot', DEFAULT_ACCOUNT), kind: 'zalo_bot', channel: 'zalo-bot', displayName: 'ZALO_BOT_TOKEN', username: null, secrets: () => secrets });
  }
  if (config.zaloOa) {
    const o = config.zaloOa;
    const secrets = { channel: 'zalo-oa' as const, secrets: { appId: o.appId, appSecret: o.appSecret, secretKey: o.secretKey, accessToken: o.accessToken, refreshToken: o.refreshToken } };
    accounts.push({ ...base, id: channelAccountId('zalo-oa', DEFAULT_ACCOUNT), kind: 'zalo_oa', channel: 'zalo-oa', displayName: 'ZALO_OA_APP_ID', username: null, secrets: () => secrets });
  }
  return accounts;
}
