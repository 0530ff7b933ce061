import { Router, type RequestHandler } from 'express';
import type { QueueKit } from '../../../runtime/queues.js';
import { allQueueNames, readQueueCounts } from '../../../runtime/queue-counts.js';

/** Where the admin router mounts its features; bull-board needs the full path for its asset links. */
const ADMIN_MOUNT = '/admin';

/**
 * `/admin/queues`: bull-board over every queue in QUEUE_NAMES (Redis or BullMQ's
 * PostgreSQL backend — bull-board's BullMQ adapter reads both), and
 * `/admin/api/queues`: the same counts per queue and state as JSON for scripts.
 * Auth is applied once by webhooks/admin/admin.router.ts, never here.
 */
export function createQueueDashboardRouter(queues: QueueKit): Router {
  // bull-board (≈ 16 MiB) is loaded on the first visit to the dashboard, not by every process at start.
  let board: Promise<RequestHandler> | null = null;
  const loadBoard = async (): Promise<RequestHandler> => {
    const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
      import('@bull-board/api'),
      import('@bull-board/api/bullMQAdapter'),
      import('@bull-board/express'),
    ]);
    const adapter = new ExpressAdapter();
    adapter.setBasePath(`${ADMIN_MOUNT}/queues`);
    createBullBoard({
      queues: allQueueNames().map((name) => new BullMQAdapter(queues.queue(name))),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Dân vận khéo — hàng đợi' } },
    });
    return adapter.getRouter() as RequestHandler;
  };

  const router = Router();
  router.get('/api/queues', async (_req, res) => {
    res.json({ backend: queues.kind, queues: await readQueueCounts(queues) });
  });
  router.use('/queues', (req, res, next) => {
    const loading = (board ??= loadBoard());
    loading.then(
      (handler) => handler(req, res, next),
      (error: unknown) => {
        board = null;
        next(error);
      },
    );
  });
  return router;
}
