import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../bot/core/clock.js';
import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import type { ParseResult } from './parse-result.js';

/** Platforms send small JSON; anything larger is refused before it is buffered further. */
export const WEBHOOK_BODY_LIMIT = '1mb';

export type VerifyOutcome = { ok: true; body: unknown } | { ok: false; status: 400 | 401 | 403; reason: string };

export interface WebhookRouteOptions {
  /** Full path, e.g. `/webhooks/telegram`. */
  path: string;
  /**
   * Checks the header secret before the body is even parsed (`rawBody` is
   * available for MAC checks) and returns the decoded JSON body.
   */
  verify: (req: Request, rawBody: Buffer) => VerifyOutcome;
  parse: (body: unknown, now: Date) => ParseResult;
  sink: InboundSink;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock?: Clock;
  /** Runs after verification, before enqueueing (e.g. record the Zalo OA interaction). Throwing → 503. */
  beforeAccept?: (event: InboundEvent) => Promise<void>;
  /** Body of the 200 answer; Telegram uses it to answer callback queries at no extra request. */
  replyBody?: (body: unknown, event: InboundEvent) => unknown;
}

/**
 * The shared shape of the three webhook routes: raw body (≤ 1 MB) → verify in
 * constant time → parse to one InboundEvent → enqueue → 200 at once. Nothing of
 * the conversation runs inside the request. Status codes: 401/403 wrong secret
 * or signature (nothing enqueued), 400 malformed, 413 too large, 503 queue down
 * (the platform retries), 200 otherwise — including events the bot ignores.
 */
export function createWebhookRouter(options: WebhookRouteOptions): Router {
  const router = express.Router();
  const clock = options.clock ?? systemClock;
  const log = options.logger;

  router.post(
    options.path,
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verified = options.verify(req, raw);
      if (!verified.ok) {
        // No body content in the log: an attacker controls it.
        log.warn({ path: options.path, status: verified.status, reason: verified.reason, ip: req.ip }, 'webhook refused');
        res.status(verified.status).json({ ok: false, error: verified.reason });
        return;
      }
      const parsed = options.parse(verified.body, clock.now());
      if (parsed.outcome === 'invalid') {
        log.warn({ path: options.path, reason: parsed.reason.slice(0, 500) }, 'webhook body is not a platform update');
        res.status(400).json({ ok: false, error: 'body is not a recognised update' });
        return;
      }
      if (parsed.outcome === 'ignore') {
        res.status(200).json({ ok: true, ignored: parsed.reason });
        return;
      }
      const event = parsed.event;
      try {
        await options.beforeAccept?.(event);
        const outcome = await options.sink.accept(event);
        log.info({ channel: event.channel, eventId: event.eventId, kind: event.kind, jobId: outcome.jobId }, 'webhook accepted');
        res.status(200).json(options.replyBody?.(verified.body, event) ?? { ok: true });
      } catch (error) {
        // Whatever failed, the event is not safely queued: 503 makes the platform redeliver.
        log.error({ err: error, channel: event.channel, eventId: event.eventId }, 'could not enqueue webhook event; answering 503 so the platform retries');
        res.status(503).setHeader('retry-after', '5').json({ ok: false, error: 'queue unavailable, retry later' });
      }
    },
  );

  // body-parser's errors (413 too large, 400 bad encoding) answer here, never as 500.
  router.use(options.path, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ ok: false, error: status === 413 ? 'body larger than 1 MB' : 'unreadable body' });
      return;
    }
    next(error);
  });
  return router;
}

/** JSON.parse that reports failure instead of throwing. */
export function decodeJson(raw: Buffer, parse: (text: string) => unknown = JSON.parse): VerifyOutcome {
  if (raw.length === 0) return { ok: false, status: 400, reason: 'empty body' };
  try {
    return { ok: true, body: parse(raw.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, reason: 'malformed JSON' };
  }
}
