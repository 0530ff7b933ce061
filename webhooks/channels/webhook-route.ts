import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../bot/core/clock.js';
import { cleanDeep } from '../../bot/core/clean-text.js';
import type { Channel, InboundEvent } from '../../bot/core/inbound-event.js';
import type { InboundSink, RejectedUpdate } from '../ingress/inbound-sink.js';
import { UnusableUpdateError } from '../ingress/unusable-update.error.js';
import type { ParseResult } from './parse-result.js';

/** Platforms send small JSON; anything larger is refused before it is buffered further. */
export const WEBHOOK_BODY_LIMIT = '1mb';

/**
 * `status: 400` means authentic (secret or signature checked) but unreadable:
 * the route keeps it as a rejected update and answers 200. 401/403 are refusals.
 */
export type VerifyOutcome = { ok: true; body: unknown } | { ok: false; status: 400 | 401 | 403; reason: string };

export interface WebhookRouteOptions {
  /** Full path, e.g. `/webhooks/telegram`. */
  path: string;
  /** Names rejected updates and their metric. */
  channel: Channel;
  /**
   * Checks the header secret before the body is even parsed (`rawBody` is
   * available for MAC checks) and returns the decoded JSON body.
   */
  verify: (req: Request, rawBody: Buffer) => VerifyOutcome;
  /** `req` lets a multi-account route parse for the account named in the path. */
  parse: (body: unknown, now: Date, req: Request) => ParseResult;
  sink: InboundSink;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock?: Clock;
  /** Runs after verification, before enqueueing (e.g. record the Zalo OA interaction). Throwing → 503. */
  beforeAccept?: (event: InboundEvent) => Promise<void>;
  /** Body of the 200 answer; Telegram uses it to answer callback queries at no extra request. */
  replyBody?: (body: unknown, event: InboundEvent) => unknown;
  /**
   * Multi-account routes (`/webhooks/<channel>/:account`): finds the account before
   * the body is read; false → 404 (unknown or disabled account), nothing read or enqueued.
   */
  gate?: (req: Request, res: Response) => boolean;
  /** Multi-account routes: stamps the parsed event with its account (webhooks/channels/account-routes.ts). */
  tag?: (event: InboundEvent, req: Request) => InboundEvent;
}

/**
 * The shared shape of the three webhook routes: raw body (≤ 1 MB) → verify in
 * constant time → parse to one InboundEvent → enqueue → 200 at once. Nothing of
 * the conversation runs inside the request. Status codes: 401/403 wrong secret
 * or signature (nothing enqueued), 413 too large, 503 ONLY when the queue store
 * is down (the platform retries), 200 otherwise — including events the bot
 * ignores and authentic bodies it cannot use (unreadable JSON, not an update,
 * refused by the store for its data): those are kept in `rejected_update`, because
 * a non-2xx would make the platform redeliver them forever (and Telegram holds
 * every later update of the bot behind the one it is redelivering).
 */
export function createWebhookRouter(options: WebhookRouteOptions): Router {
  const router = express.Router();
  const clock = options.clock ?? systemClock;
  const log = options.logger;

  async function rejectUpdate(res: Response, update: RejectedUpdate): Promise<void> {
    if (options.sink.reject) await options.sink.reject(update);
    else log.warn({ path: options.path, reason: update.reason, detail: update.detail }, 'authentic update rejected');
    res.status(200).json({ ok: true, rejected: update.reason });
  }

  router.post(
    options.path,
    (req: Request, res: Response, next: NextFunction) => {
      if (!options.gate || options.gate(req, res)) return next();
      res.status(404).json({ ok: false, error: 'unknown or disabled account' });
    },
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verified = options.verify(req, raw);
      if (!verified.ok && verified.status === 400) {
        await rejectUpdate(res, { channel: options.channel, reason: 'unreadable', detail: verified.reason, rawText: raw.toString('utf8') });
        return;
      }
      if (!verified.ok) {
        // No body content in the log: an attacker controls it.
        log.warn({ path: options.path, status: verified.status, reason: verified.reason, ip: req.ip }, 'webhook refused');
        res.status(verified.status).json({ ok: false, error: verified.reason });
        return;
      }
      let parsed: ParseResult;
      try {
        parsed = options.parse(verified.body, clock.now(), req);
      } catch (error) {
        // A parser bug on this input is this update's problem, not the platform's: keep it, answer 200.
        parsed = { outcome: 'invalid', reason: `the parser threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
      }
      if (parsed.outcome === 'invalid') {
        await rejectUpdate(res, { channel: options.channel, reason: 'not_an_update', detail: parsed.reason.slice(0, 500), body: verified.body });
        return;
      }
      if (parsed.outcome === 'ignore') {
        res.status(200).json({ ok: true, ignored: parsed.reason });
        return;
      }
      const event = options.tag ? options.tag(parsed.event, req) : parsed.event;
      try {
        await options.beforeAccept?.(event);
        const outcome = await options.sink.accept(event);
        log.info({ channel: event.channel, eventId: event.eventId, kind: event.kind, jobId: outcome.jobId }, 'webhook accepted');
        res.status(200).json(options.replyBody?.(verified.body, event) ?? { ok: true });
      } catch (error) {
        if (error instanceof UnusableUpdateError) {
          await rejectUpdate(res, { channel: event.channel, reason: 'unstorable', detail: error.detail, body: verified.body });
          return;
        }
        // The store is down (or timed out): the event is not safely queued, 503 makes the platform redeliver.
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

/**
 * JSON.parse that reports failure instead of throwing, and the poison-proof
 * boundary: every string and key of the decoded body is cleaned (no NUL or other
 * C0 control, no lone surrogate, NFC — bot/core/clean-text.ts) before any parser
 * sees it. Invalid UTF-8 bytes already decode to U+FFFD.
 */
export function decodeJson(raw: Buffer, parse: (text: string) => unknown = JSON.parse): VerifyOutcome {
  if (raw.length === 0) return { ok: false, status: 400, reason: 'empty body' };
  try {
    return { ok: true, body: cleanDeep(parse(raw.toString('utf8'))) };
  } catch {
    return { ok: false, status: 400, reason: 'malformed JSON' };
  }
}
