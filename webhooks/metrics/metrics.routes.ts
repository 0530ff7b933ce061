import { Router, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics`: Prometheus text format. Public by default (keep the port private or
 * behind the proxy's allow-list); `guard` puts it behind the admin token
 * (METRICS_REQUIRE_ADMIN=true, webhooks/admin/admin-auth.ts).
 */
export function createMetricsRouter(registry: Registry, guard?: RequestHandler): Router {
  const router = Router();
  router.get('/metrics', ...(guard ? [guard] : []), async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
