import { Router } from 'express';

export interface HealthDeps {
  /** Resolve when the database answers. */
  checkDatabase(): Promise<void>;
  /** Resolve when the queue store answers. */
  checkQueue(): Promise<void>;
}

/** `GET /health` → 200 `{db: "ok", queue: "ok"}`; 503 naming the failing part. */
export function createHealthRouter(deps: HealthDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [db, queue] = await Promise.allSettled([deps.checkDatabase(), deps.checkQueue()]);
    const body = {
      db: db.status === 'fulfilled' ? 'ok' : 'unreachable',
      queue: queue.status === 'fulfilled' ? 'ok' : 'unreachable',
    };
    res.status(body.db === 'ok' && body.queue === 'ok' ? 200 : 503).json(body);
  });
  return router;
}
