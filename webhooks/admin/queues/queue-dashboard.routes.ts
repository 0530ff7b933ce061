import { Router } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
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
  const board = new ExpressAdapter();
  board.setBasePath(`${ADMIN_MOUNT}/queues`);
  createBullBoard({
    queues: allQueueNames().map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Dân vận khéo — hàng đợi' } },
  });

  const router = Router();
  router.get('/api/queues', async (_req, res) => {
    res.json({ backend: queues.kind, queues: await readQueueCounts(queues) });
  });
  router.use('/queues', board.getRouter() as Router);
  return router;
}
