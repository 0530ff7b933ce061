import { Api } from 'grammy';
import type { ChannelsConfig } from '../../runtime/channels.config.js';
import { ZaloBotClient } from '../../worker/channels/zalo-bot.client.js';
import { telegramCommandLists } from './telegram-commands.js';
import { TELEGRAM_ALLOWED_UPDATES } from './telegram-allowed-updates.js';

export interface RegisterWebhooksResult {
  lines: string[];
  ok: boolean;
}

/**
 * Registers (or with `remove`, deletes) the webhook URL and secret with Telegram
 * and Zalo Bot, then reads it back; sets Telegram's command menu in vi and en. Zalo OA webhooks are set in the Zalo
 * developer console, so only the URL to paste there is printed.
 */
export async function registerWebhooks(config: ChannelsConfig, options: { remove?: boolean } = {}): Promise<RegisterWebhooksResult> {
  const lines: string[] = [];
  let ok = true;
  const base = config.publicBaseUrl;
  if (!options.remove && !base) {
    return { ok: false, lines: ['PUBLIC_BASE_URL is not set: set it to the public HTTPS address of the webhooks process (e.g. https://bot.example.vn).'] };
  }
  if (!config.telegram && !config.zaloBot && !config.zaloOa) {
    return { ok: false, lines: ['No channel is configured: set TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN or the ZALO_OA_* keys (docs/channels.md).'] };
  }

  if (config.telegram) {
    const api = new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot });
    try {
      if (options.remove) {
        await api.deleteWebhook();
        lines.push('Telegram: webhook deleted (long polling now possible).');
      } else {
        if (!config.telegram.webhookSecret) throw new Error('TELEGRAM_WEBHOOK_SECRET is not set');
        await api.setWebhook(`${base}/webhooks/telegram`, {
          secret_token: config.telegram.webhookSecret,
          allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
        });
        const info = await api.getWebhookInfo();
        lines.push(`Telegram: webhook set to ${info.url} (pending updates: ${info.pending_update_count}).`);
        for (const list of telegramCommandLists()) {
          await api.setMyCommands(list.commands, list.languageCode ? { language_code: list.languageCode } : {});
        }
        lines.push(`Telegram: command menu set (/${telegramCommandLists()[0]!.commands.map((c) => c.command).join(', /')}) in Vietnamese and English.`);
      }
    } catch (error) {
      ok = false;
      lines.push(`Telegram: failed — ${(error as Error).message}. Check TELEGRAM_BOT_TOKEN and that PUBLIC_BASE_URL is HTTPS on port 443, 80, 88 or 8443.`);
    }
  }

  if (config.zaloBot) {
    const client = new ZaloBotClient({ token: config.zaloBot.token, apiRoot: config.zaloBot.apiRoot });
    try {
      if (options.remove) {
        await client.call('deleteWebhook');
        lines.push('Zalo Bot: webhook deleted (getUpdates polling now possible).');
      } else {
        if (!config.zaloBot.webhookSecret) throw new Error('ZALO_BOT_WEBHOOK_SECRET is not set');
        await client.call('setWebhook', { url: `${base}/webhooks/zalo-bot`, secret_token: config.zaloBot.webhookSecret });
        const info = await client.call<{ url: string }>('getWebhookInfo');
        lines.push(`Zalo Bot: webhook set to ${info.url}.`);
      }
    } catch (error) {
      ok = false;
      lines.push(`Zalo Bot: failed — ${(error as Error).message}. Check ZALO_BOT_TOKEN (reset it in Zalo Bot Creator if needed) and ZALO_BOT_API_ROOT.`);
    }
  }

  if (config.zaloOa && !options.remove) {
    lines.push(
      `Zalo OA: set the webhook in developers.zalo.me → your app → Webhook to ${base}/webhooks/zalo-oa and enable the user_send_* and follow/unfollow events; the OA secret key shown there is ZALO_OA_SECRET_KEY.`,
    );
  }
  return { ok, lines };
}
