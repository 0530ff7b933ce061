import { Api } from 'grammy';
import type { ChannelsConfig } from '../../runtime/channels.config.js';
import type { ChannelAccount } from '../../runtime/accounts/channel-account.js';
import { ZaloBotClient } from '../../worker/channels/zalo-bot.client.js';
import type { RegisterWebhooksResult } from './register-webhooks.js';
import { TELEGRAM_ALLOWED_UPDATES } from './telegram-allowed-updates.js';
import { telegramCommandLists } from './telegram-commands.js';

/**
 * `npm run setup:webhooks` for the stored ward accounts: each active Telegram bot
 * and Zalo Bot gets `PUBLIC_BASE_URL/webhooks/<channel>/<slug>` with its own
 * secret (Telegram also its command menu); each Zalo OA's URL is printed to paste
 * in the Zalo developer console. Disabled accounts are skipped (with `remove`, their
 * webhooks are deleted too). One failing account does not stop the others.
 */
export async function registerAccountWebhooks(accounts: ChannelAccount[], config: ChannelsConfig, options: { remove?: boolean } = {}): Promise<RegisterWebhooksResult> {
  const lines: string[] = [];
  let ok = true;
  const base = config.publicBaseUrl;
  if (!options.remove && !base) return { ok: false, lines: ['PUBLIC_BASE_URL is not set: set it to the public HTTPS address of the webhooks process.'] };
  for (const account of accounts) {
    if (account.source !== 'db' || (account.status !== 'active' && !options.remove)) continue;
    const url = `${base}/webhooks/${account.channel}/${account.slug}`;
    const name = `${account.id} (${account.displayName})`;
    try {
      const opened = account.secrets();
      if (opened.channel === 'telegram') {
        const api = new Api(opened.secrets.token, { apiRoot: config.shared.telegramApiRoot });
        if (options.remove) {
          await api.deleteWebhook();
          lines.push(`${name}: webhook deleted.`);
          continue;
        }
        await api.setWebhook(url, { secret_token: opened.secrets.webhookSecret, allowed_updates: [...TELEGRAM_ALLOWED_UPDATES] });
        for (const list of telegramCommandLists()) await api.setMyCommands(list.commands, list.languageCode ? { language_code: list.languageCode } : {});
        lines.push(`${name}: webhook set to ${url}, command menu set.`);
      } else if (opened.channel === 'zalo-bot') {
        const client = new ZaloBotClient({ token: opened.secrets.token, apiRoot: config.shared.zaloBotApiRoot });
        if (options.remove) {
          await client.call('deleteWebhook');
          lines.push(`${name}: webhook deleted.`);
          continue;
        }
        await client.call('setWebhook', { url, secret_token: opened.secrets.webhookSecret });
        lines.push(`${name}: webhook set to ${url}.`);
      } else if (!options.remove) {
        lines.push(`${name}: set the webhook of app ${opened.secrets.appId} in developers.zalo.me to ${url} (its OA secret key is the one stored for this account).`);
      }
    } catch (error) {
      ok = false;
      lines.push(`${name}: failed — ${(error as Error).message}. Check its token (POST /admin/api/accounts to re-create it) and the API root.`);
    }
  }
  return { ok, lines };
}
