import type { Api } from 'grammy';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../bot/core/clock.js';
import { cleanDeep } from '../../bot/core/clean-text.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import { acceptOrReject, rejectQuietly } from './accept-or-reject.js';
import { parseTelegramUpdate, telegramCallbackQueryId, type TelegramBotIdentity } from '../channels/telegram.parser.js';
import { PollLoop } from './poll-loop.js';
import { TELEGRAM_ALLOWED_UPDATES } from '../channels/telegram-allowed-updates.js';

export interface TelegramPollerOptions {
  token: string;
  /** Default `https://api.telegram.org`. */
  apiRoot?: string;
  sink: InboundSink;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Long-poll timeout in seconds. Default 25. */
  timeoutSeconds?: number;
  /** Remove a registered webhook first (getUpdates is refused while one is set). Default true. */
  deleteWebhook?: boolean;
  clock?: Clock;
  /** Who the bot is, to tell group messages for it from the rest (default: unknown). */
  bot?: TelegramBotIdentity;
}

/**
 * Development mode without a public URL: grammY's `Api.getUpdates` feeding the
 * same InboundSink as the webhook. `Bot.start()` is not used because it would run
 * middleware in this process; here updates only go to the queue. The offset is
 * advanced only after the sink accepted an update, so a queue outage means
 * Telegram delivers it again rather than it being lost.
 */
export function createTelegramPoller(options: TelegramPollerOptions): PollLoop {
  const timeout = options.timeoutSeconds ?? 25;
  // grammY is loaded on the first round, not when the channels are built (runtime/channels.ts builds them in every role).
  let api: Api | undefined;
  const clock = options.clock ?? systemClock;
  let offset = 0;
  let prepared = options.deleteWebhook === false;

  return new PollLoop({
    name: 'telegram',
    logger: options.logger,
    round: async (signal) => {
      api ??= new (await import('grammy')).Api(options.token, { apiRoot: options.apiRoot ?? 'https://api.telegram.org', timeoutSeconds: timeout + 10 });
      if (!prepared) {
        await api.deleteWebhook({ drop_pending_updates: false });
        prepared = true;
      }
      const updates = await api.getUpdates(
        { offset, timeout, allowed_updates: [...TELEGRAM_ALLOWED_UPDATES] },
        // grammY types its signal with the abort-controller shim; the native one works at run time.
        signal as unknown as Parameters<Api['getUpdates']>[1],
      );
      for (const raw of updates) {
        // The same poison-proof boundary as the webhook (webhook-route.ts decodeJson).
        const update = cleanDeep(raw);
        const parsed = parseTelegramUpdate(update, clock.now(), options.bot);
        if (parsed.outcome === 'event') {
          // Throws only when the queue store is down: the offset stays, Telegram redelivers.
          await acceptOrReject(options.sink, parsed.event, update);
          const callbackId = telegramCallbackQueryId(update);
          if (callbackId) {
            await api.answerCallbackQuery(callbackId).catch((error: unknown) => options.logger.warn({ err: error }, 'answerCallbackQuery failed'));
          }
        } else if (parsed.outcome === 'invalid') {
          await rejectQuietly(options, { channel: 'telegram', reason: 'not_an_update', detail: parsed.reason.slice(0, 500), body: update });
        }
        offset = update.update_id + 1;
      }
    },
  });
}
