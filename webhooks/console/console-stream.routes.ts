import { Router } from 'express';
import { namespacedUserId } from '../../bot/core/inbound-event.js';
import type { PrismaClient } from '../../runtime/database.js';
import { sendValidationError } from '../http/validation-error.js';
import { toConsoleMessage } from './console-message-view.js';
import { listQuery } from './console.routes.js';

export interface ConsoleStreamOptions {
  prisma: PrismaClient;
  /** How often an open stream looks for newly sent rows; default 300 ms. */
  checkEveryMs?: number;
  /** A comment line keeps proxies from closing an idle stream; default every 15 s. */
  keepAliveMs?: number;
}

/**
 * `GET /console/api/stream?userId=…&flavour=…` — Server-Sent Events, one stream per console user: every message
 * sent to that user (replies, notifications, reminders, broadcasts) is pushed as an `event: message` whose id is
 * the outbound row id, so a reconnecting EventSource resumes after the last one it saw (Last-Event-ID).
 * The rows are marked sent by worker processes that may run elsewhere, so the stream checks the outbox (one
 * indexed query) rather than waiting on an in-process signal that a separate worker would never raise.
 */
export function createConsoleStreamRouter(options: ConsoleStreamOptions): Router {
  const checkEvery = options.checkEveryMs ?? 300;
  const keepAlive = options.keepAliveMs ?? 15_000;
  const router = Router();
  router.get('/console/api/stream', async (req, res) => {
    const parsed = listQuery.safeParse(req.query);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const lastEventId = req.get('last-event-id');
    let after = lastEventId && /^\d{1,19}$/.test(lastEventId) ? lastEventId : parsed.data.after;
    const userId = namespacedUserId('console', parsed.data.userId);
    res.status(200).set({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.flushHeaders();
    res.write('retry: 1000\n\n');
    let open = true;
    req.on('close', () => (open = false));
    // A server that stops listening is shutting down: end the stream so its close() does not wait on it forever
    // (an open stream is an in-flight request to it). The browser's EventSource reconnects to the next server.
    const server = (req.socket as { server?: { listening?: boolean } }).server;
    const serving = () => server?.listening !== false;
    let quietSince = Date.now();
    while (open && serving()) {
      const rows = await options.prisma.outboundMessage.findMany({
        where: { userId, status: 'sent', ...(after ? { id: { gt: BigInt(after) } } : {}) },
        orderBy: { id: 'asc' },
        take: 200,
      }).catch(() => []);
      for (const row of rows) {
        const message = toConsoleMessage(row, parsed.data.flavour);
        res.write(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(message)}\n\n`);
        after = message.id;
      }
      if (rows.length > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= keepAlive) {
        res.write(': keep-alive\n\n');
        quietSince = Date.now();
      }
      if (rows.length < 200) await new Promise((resolve) => setTimeout(resolve, checkEvery));
    }
    res.end();
  });
  return router;
}
