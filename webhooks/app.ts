import express, { type Express, type Router } from 'express';
import type { Clock } from '../bot/core/clock.js';
import type { PrismaClient } from '../runtime/database.js';
import type { Logger } from '../runtime/logger.js';
import type { InboundSink } from './ingress/inbound-sink.js';
import { createHealthRouter, type HealthDeps } from './health/health.routes.js';
import { createConsoleRouter } from './console/console.routes.js';
import { createConsolePageRouter } from './console/console-page.routes.js';
import { createConsoleStreamRouter } from './console/console-stream.routes.js';
import { createErrorHandler } from './http/error-handler.js';
import { createMetricsRouter } from './metrics/metrics.routes.js';
import type { Histogram, Registry } from 'prom-client';
import { measureWebhookLatency } from './metrics/webhook-latency.js';
import { requireAdminToken } from './admin/admin-auth.js';
import { createAdminRouter } from './admin/admin.router.js';
import { createOneTimeLinkRouter } from './exports/one-time-link.routes.js';

export interface AppDeps {
  prisma: PrismaClient;
  sink: InboundSink;
  clock: Clock;
  logger: Logger;
  health: HealthDeps;
  consoleEnabled: boolean;
  /** Serves `GET /metrics` when given. */
  metricsRegistry?: Registry;
  /** METRICS_REQUIRE_ADMIN: `/metrics` asks for the admin token; without a token it is not served. */
  metricsRequireAdmin?: boolean;
  /** Observes each webhook request's handling time by channel. */
  webhookLatency?: Histogram<'channel' | 'status'>;
  /** Channel ingress routers (Telegram, Zalo Bot, Zalo OA), each verifying its own signature. */
  channelRouters?: Router[];
  /** `ADMIN_TOKEN`; null → no `/admin` route is mounted. */
  adminToken?: string | null;
  /** Admin feature routers, paths relative to `/admin`; auth is applied once in webhooks/admin/. */
  adminRouters?: Router[];
}

/**
 * The HTTP side: verify → parse → dedupe → enqueue → answer. No conversation
 * logic runs here; the worker answers users.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(createHealthRouter(deps.health));
  if (deps.metricsRegistry) {
    if (!deps.metricsRequireAdmin) app.use(createMetricsRouter(deps.metricsRegistry));
    else if (deps.adminToken) app.use(createMetricsRouter(deps.metricsRegistry, requireAdminToken(deps.adminToken)));
    else deps.logger.warn('METRICS_REQUIRE_ADMIN=true but ADMIN_TOKEN is unset: /metrics is off');
  }
  if (deps.webhookLatency) app.use(measureWebhookLatency(deps.webhookLatency));
  for (const router of deps.channelRouters ?? []) app.use(router);
  app.use(createAdminRouter({ token: deps.adminToken ?? null, routers: deps.adminRouters ?? [], logger: deps.logger }));
  app.use(createOneTimeLinkRouter(deps));
  if (deps.consoleEnabled) {
    app.use(createConsoleRouter(deps));
    app.use(createConsoleStreamRouter({ prisma: deps.prisma }));
    app.use(createConsolePageRouter());
  }
  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `No route for ${req.method} ${req.path}.` });
  });
  app.use(createErrorHandler(deps.logger));
  return app;
}
