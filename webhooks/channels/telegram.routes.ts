import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../bot/core/clock.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import { parseTelegramUpdate, telegramCallbackQueryId, type TelegramBotIdentity } from './telegram.parser.js';
import { TELEGRAM_SECRET_HEADER, verifyTelegramSecret } from './telegram.verify.js';
import { createWebhookRouter, decodeJson } from './webhook-route.js';

export interface TelegramRoutesOptions {
  /** TELEGRAM_WEBHOOK_SECRET, the `secret_token` registered with setWebhook. */
  secret: string;
  sink: InboundSink;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock?: Clock;
  /** Who the bot is, to tell group messages for it from the rest (default: unknown). */
  bot?: TelegramBotIdentity;
}

/** `POST /webhooks/telegram`. */
export function createTelegramRoutes(options: TelegramRoutesOptions): Router {
  return createWebhookRouter({
    path: '/webhooks/telegram',
    channel: 'telegram',
    sink: options.sink,
    logger: options.logger,
    clock: options.clock,
    verify: (req, raw) =>
      verifyTelegramSecret(req.headers[TELEGRAM_SECRET_HEADER], options.secret)
        ? decodeJson(raw)
        : { ok: false, status: 401, reason: 'missing or wrong secret token' },
    parse: (body, now) => parseTelegramUpdate(body, now, options.bot),
    // Telegram accepts one Bot API call in the webhook's answer: stopping the
    // button spinner this way costs no request and cannot be late.
    replyBody: (body) => {
      const id = telegramCallbackQueryId(body);
      return id ? { method: 'answerCallbackQuery', callback_query_id: id } : undefined;
    },
  });
}
