import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../bot/core/clock.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import { parseZaloBotUpdate, type ZaloBotIdentity } from './zalo-bot.parser.js';
import { ZALO_BOT_SECRET_HEADER, verifyZaloBotSecret } from './zalo-bot.verify.js';
import { createWebhookRouter, decodeJson } from './webhook-route.js';

export interface ZaloBotRoutesOptions {
  /** ZALO_BOT_WEBHOOK_SECRET (8–256 characters), the `secret_token` registered with setWebhook. */
  secret: string;
  sink: InboundSink;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock?: Clock;
  /** The bot's name as group members @mention it (ZALO_BOT_NAME). */
  bot?: ZaloBotIdentity;
}

/** `POST /webhooks/zalo-bot`. Wrong secret → 403, as in Zalo's own sample. */
export function createZaloBotRoutes(options: ZaloBotRoutesOptions): Router {
  return createWebhookRouter({
    path: '/webhooks/zalo-bot',
    channel: 'zalo-bot',
    sink: options.sink,
    logger: options.logger,
    clock: options.clock,
    verify: (req, raw) =>
      verifyZaloBotSecret(req.headers[ZALO_BOT_SECRET_HEADER], options.secret)
        ? decodeJson(raw)
        : { ok: false, status: 403, reason: 'missing or wrong secret token' },
    parse: (body, now) => parseZaloBotUpdate(body, now, options.bot),
  });
}
