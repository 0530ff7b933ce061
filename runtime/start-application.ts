import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startIdleCollector } from './idle-collector.js';
import type { AppConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createPrismaClient, type PrismaClient } from './database.js';
import { createQueueKit, QUEUE_NAMES, type QueueKit } from './queues.js';
import { applyMigrations } from './migrate.js';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './embedded-postgres.js';
import { systemClock, type Clock } from '../bot/core/clock.js';
import type { InboundEvent } from '../bot/core/inbound-event.js';
import { createTranslator } from '../bot/i18n/translator.js';
import type { Understand } from '../bot/conversation/understanding.js';
import { observeBroadcastProgress } from './broadcast-metrics.js';
import { createUnitCatalogue } from './unit-catalogue.js';
import type { RunningWorkers } from '../worker/create-workers.js';
import { createQueueInboundSink } from '../webhooks/ingress/inbound-sink.js';
import { createChannelRuntime } from './channels.js';
import { createMetrics } from './metrics.js';
import { countAcceptedUpdates } from '../webhooks/ingress/count-accepted.js';
import { keepRejectedUpdates } from '../webhooks/ingress/rejected-updates.js';
import { startAccountRuntime } from './accounts/account-runtime.js';

export type Role = 'webhooks' | 'worker';

export interface StartOptions {
  config: AppConfig;
  /** Which halves to run in this process (default both). */
  roles?: Role[];
  logger?: Logger;
  /** Default: the system clock. Tests inject a fixed one. */
  clock?: Clock;
  /** Default: the offline Vietnamese NLU (bot/nlu). */
  understand?: Understand;
}

export interface RunningApplication {
  /** Base URL of the HTTP server, when the webhooks role runs. */
  url: string | null;
  databaseUrl: string;
  queueBackend: QueueKit['kind'];
  /** The embedded PostgreSQL's data folder; null with DATABASE_URL. */
  embeddedDataDir: string | null;
  /** The token `/admin` accepts (configured, or generated for the embedded development run); null → admin off. */
  adminToken: string | null;
  prisma: PrismaClient;
  queues: QueueKit;
  /**
   * What the bot's features are told a message means (the NLU, with places resolved against the
   * database's units); null in a webhooks-only process, which never loads the NLU.
   */
  understand: Understand | null;
  /** Graceful: stop taking work, finish active jobs, close connections. Idempotent. */
  close(): Promise<void>;
}

export const LOCALES_DIR = path.resolve(import.meta.dirname, '..', 'locales');

/**
 * The composition root: builds every dependency once and hands it to the
 * factories. `npm start` runs both roles in one process; production runs
 * `start:webhooks` once and `start:worker` N times against one Redis.
 */
export async function startApplication(options: StartOptions): Promise<RunningApplication> {
  const { config } = options;
  const roles = options.roles ?? ['webhooks', 'worker'];
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;

  let embedded: RunningEmbeddedPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
    databaseUrl = embedded.databaseUrl;
    // The one-command local run prepares its own database; production runs
    // `npm run db:migrate` (and `db:seed` once) as a release step instead.
    const applied = await applyMigrations(databaseUrl);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  }

  // The one-command local run gets working admin pages without a setup step: a
  // fresh token per start, printed below. Production must set ADMIN_TOKEN itself.
  const adminToken = config.adminToken ?? (embedded && config.env !== 'production' ? randomBytes(24).toString('hex') : null);

  const prisma = createPrismaClient(databaseUrl, { preparedStatements: config.preparedStatements });
  // Imported only here: the seed is for the embedded development run.
  if (embedded) await (await import('../prisma/seed/seed.js')).runSeed(prisma);
  const queues = createQueueKit({ redisUrl: config.redisUrl, databaseUrl, prefix: config.queuePrefix });
  // BullMQ's PostgreSQL backend creates its schema on first use; do that now, with time to
  // spare, so the first /health after "started" reports the queue as it really is.
  if (queues.kind === 'postgres') await queues.ping(30_000);
  const translator = createTranslator({ localesDir: LOCALES_DIR });

  const metrics = createMetrics();
  metrics.observeQueues(queues);
  observeBroadcastProgress(metrics.registry, prisma);
  // Accepted updates are counted; authentic but unusable ones are logged, counted and kept (rejected_update).
  const sink = keepRejectedUpdates(countAcceptedUpdates(createQueueInboundSink(queues.queue<InboundEvent>(QUEUE_NAMES.inbound)), metrics), { prisma, metrics, logger });
  // Every ward's bot / OA (docs/channels.md "Many accounts"); refuses to start when stored ones cannot be opened.
  const accounts = await startAccountRuntime({ config: config.channels, prisma, logger }).catch(async (error: unknown) => {
    await queues.close();
    await prisma.$disconnect();
    if (embedded) await embedded.stop();
    throw error;
  });
  // Telegram / Zalo Bot / Zalo OA, each on when its credentials are set (docs/channels.md).
  const channels = createChannelRuntime({ config: config.channels, queues, prisma, logger, sink, keyPrefix: config.queuePrefix, clock, accounts });

  const broadcastPolicy = { quietHours: config.broadcast.quietHours, approvalThreshold: config.broadcast.approvalThreshold, hotlines: config.broadcast.hotlines };
  const broadcastSettings = { oaMonthlyQuota: config.broadcast.oaMonthlyQuota, oaWindowMs: 48 * 3600 * 1000 };
  let workers: RunningWorkers | null = null;
  let understand: Understand | null = null;
  if (roles.includes('worker')) {
    // The conversation (features, NLU model trained at start) lives in the worker only:
    // loaded here so a webhooks process neither imports nor trains it.
    // The workers and the stores behind turn.services (≈ 25 MiB of modules) likewise.
    const [{ createBot }, { createNluUnderstanding }, { createNlu, CLARIFY_THRESHOLD }, { startWorkers }, { createBotServices }, { createCatalogueCache }] = await Promise.all([
      import('../bot/create-bot.js'),
      import('../bot/conversation/nlu-understanding.js'),
      import('../bot/nlu/index.js'),
      import('../worker/create-workers.js'),
      import('../worker/store/bot-services.js'),
      import('../worker/store/catalogue-cache.js'),
    ]);
    // Places in understanding (slots.placeUnit) resolve against the units in the database, cached.
    const units = createUnitCatalogue({ prisma, logger });
    await units.refresh();
    understand = options.understand ?? createNluUnderstanding(createNlu({ clock, units: units.current }));
    const bot = createBot({ clock, translator, understand, clarifyThreshold: CLARIFY_THRESHOLD });
    const catalogues = createCatalogueCache();
    workers = startWorkers({
      senders: channels.senders,
      pacer: channels.pacer,
      queues,
      prisma,
      bot,
      translator,
      createServices: (db, turn) =>
        createBotServices(
          db,
          {
          broadcast: { policy: broadcastPolicy, settings: broadcastSettings },
          reports: { translator, publicBaseUrl: config.channels.publicBaseUrl },
          privateChat: { telegramUsername: config.channels.telegram?.username ?? null },
          attachments: { fetchers: channels.fileFetchers, onFetchError: (channel, error) => logger.warn({ channel, err: error }, 'attachment fetch failed') },
          catalogues,
          },
          turn,
        ),
      metrics,
      logger,
      defaultLocale: config.defaultLocale,
      concurrency: config.workerConcurrency,
      broadcast: {
        translator,
        clock,
        settings: broadcastSettings,
        claimLeaseMs: config.broadcast.claimLeaseMs,
        lanesPerAccount: config.broadcast.lanesPerAccount,
      },
      reminders: { clock, translator, quietHours: config.broadcast.quietHours },
    });
  }

  let server: Server | null = null;
  let url: string | null = null;
  if (roles.includes('webhooks')) {
    // The express app, console and admin routes live in the webhooks role only: loaded here so a
    // worker process does not hold their modules (bench/memory.bench.ts). Before listen, so the
    // first request is not slower.
    const [{ createApp }, { webhookEndpointsOf, withFastWebhooks }, { createReliabilityAdminRouter }, { createBroadcastRoutes }, { createBroadcastScheduler }, { createQueueDashboardRouter }, { createExportRoutes }, { createAccountRoutes }, { createAttachmentRoutes }] = await Promise.all([
      import('../webhooks/app.js'),
      import('../webhooks/http/fast-webhooks.js'),
      import('../webhooks/admin/reliability.routes.js'),
      import('../webhooks/admin/broadcasts.routes.js'),
      import('../worker/broadcast/broadcast-scheduler.js'),
      import('../webhooks/admin/queues/queue-dashboard.routes.js'),
      import('../webhooks/admin/exports/exports.routes.js'),
      import('../webhooks/admin/accounts.routes.js'),
      import('../webhooks/admin/attachments/attachments.routes.js'),
    ]);
    const app = createApp({
      prisma,
      clock,
      logger,
      consoleEnabled: config.consoleEnabled,
      metricsRegistry: metrics.registry,
      metricsRequireAdmin: config.metricsRequireAdmin,
      webhookLatency: metrics.webhookSeconds,
      sink,
      channelRouters: channels.routers,
      adminToken,
      adminRouters: [
        createQueueDashboardRouter(queues),
        createExportRoutes({ prisma, translator, clock }),
        createAttachmentRoutes({ prisma }),
        createReliabilityAdminRouter(prisma),
        createAccountRoutes({ store: accounts.store, directory: accounts.directory }),
        createBroadcastRoutes({
          prisma,
          scheduler: createBroadcastScheduler(prisma, queues.queue(QUEUE_NAMES.broadcast), { claimLeaseMs: config.broadcast.claimLeaseMs, lanesPerAccount: config.broadcast.lanesPerAccount }),
        }),
      ],
      health: {
        checkDatabase: async () => {
          await prisma.$queryRaw`SELECT 1`;
        },
        checkQueue: () => queues.ping(),
      },
    });
    // Platform webhooks skip express (same endpoints, same answers); the rest is the express app.
    const listener = withFastWebhooks({ endpoints: webhookEndpointsOf(channels.routers), fallback: app, latency: metrics.webhookSeconds, logger });
    server = await new Promise<Server>((resolve, reject) => {
      const listening = createServer(listener);
      listening.once('error', reject);
      listening.listen(config.http.port, config.http.host, () => resolve(listening));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    url = `http://${config.http.host}:${port}`;
    // CHANNEL_MODE=polling: development without a public URL, same queue as webhooks.
    channels.startPolling();
  }

  // With `node --expose-gc` (npm run start:prod*): one full collection when a burst of work ends.
  const idleCollector = startIdleCollector();
  logger.info(
    {
      roles,
      http: url,
      idleCollector: idleCollector !== null,
      console: url && config.consoleEnabled ? `${url}/console` : null,
      database: embedded ? `embedded PostgreSQL (${embedded.pgDir}, port ${embedded.port})` : 'DATABASE_URL',
      queue: queues.kind === 'redis' ? 'Redis (REDIS_URL)' : 'BullMQ on PostgreSQL (same database)',
    },
    'Dân vận khéo bot started',
  );

  let closing: Promise<void> | null = null;
  return {
    url,
    databaseUrl,
    queueBackend: queues.kind,
    embeddedDataDir: embedded?.pgDir ?? null,
    adminToken,
    prisma,
    queues,
    understand,
    close() {
      closing ??= (async () => {
        // 1. stop taking new HTTP requests (in-flight ones finish)
        if (server) {
          const stopped = new Promise<void>((resolve) => server!.close(() => resolve()));
          server.closeIdleConnections();
          await stopped;
        }
        idleCollector?.stop();
        await channels.close();
        accounts.directory.stop();
        // 2. finish active jobs, take no new ones
        if (workers) await workers.close();
        // 3. close connections, then the embedded database
        await queues.close();
        await prisma.$disconnect();
        if (embedded) await embedded.stop();
        logger.info('stopped cleanly');
      })();
      return closing;
    },
  };
}
