import { DelayedError, type Worker } from 'bullmq';
import type { Clock } from '../../bot/core/clock.js';
import { systemClock } from '../../bot/core/clock.js';
import { normalizeLocale, type Translator } from '../../bot/i18n/translator.js';
import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import { QUEUE_NAMES, type QueueKit } from '../../runtime/queues.js';
import type { SenderRegistry } from '../outbound/channel-sender.js';
import { enqueueSends, type SendJobData } from '../outbound/outbox.js';
import type { Pacer } from '../outbound/pacer.js';
import { finishIfDrained } from './broadcast-control.js';
import type { BroadcastJobData } from './broadcast-jobs.js';
import { broadcastProgress } from './broadcast-progress.js';
import { createBroadcastScheduler } from './broadcast-scheduler.js';
import { DEFAULT_BROADCAST_SETTINGS, type BroadcastSettings } from './broadcast-settings.js';
import type { BroadcastAudience, BroadcastKind } from './broadcast-vocabulary.js';
import { planBroadcast } from './plan-broadcast.js';
import { createSendLane } from './send-lane.js';

export interface BroadcastWorkerDeps {
  queues: QueueKit;
  prisma: PrismaClient;
  senders: SenderRegistry;
  translator: Translator;
  logger: Logger;
  pacer?: Pacer | null;
  clock?: Clock;
  settings?: BroadcastSettings;
  /** Lane jobs run at once in this process (default 8). */
  concurrency?: number;
  /** Lanes per channel account (default 2). */
  lanesPerAccount?: number;
  /** How often PostgreSQL is swept for due or stranded broadcasts (default 1 s: "send now" starts within it). */
  sweepIntervalMs?: number;
  /** A row left `sending` this long by a dead worker is claimed again (default 120 s). */
  claimLeaseMs?: number;
}

/**
 * The broadcast fan-out: the `broadcast` queue's worker (start jobs plan a due
 * broadcast and open its lanes; lane jobs send) and the sweeper that keeps the
 * queue in step with PostgreSQL after restarts, resumes and scheduling by chat.
 */
export function startBroadcastWorker(deps: BroadcastWorkerDeps): { worker: Worker<BroadcastJobData>; close(): Promise<void> } {
  const clock = deps.clock ?? systemClock;
  const settings = deps.settings ?? DEFAULT_BROADCAST_SETTINGS;
  const queue = deps.queues.queue<BroadcastJobData>(QUEUE_NAMES.broadcast);
  const scheduler = createBroadcastScheduler(deps.prisma, queue, { lanesPerAccount: deps.lanesPerAccount, claimLeaseMs: deps.claimLeaseMs });
  const runLane = createSendLane({ ...deps, claimLeaseMs: deps.claimLeaseMs });
  const outbound = deps.queues.queue<SendJobData>(QUEUE_NAMES.outbound);

  async function tellAuthor(broadcastId: string, authorUserId: string): Promise<void> {
    const author = await deps.prisma.chatUser.findUnique({ where: { id: authorUserId } });
    if (!author) return;
    const p = await broadcastProgress(deps.prisma, broadcastId);
    const failed = (p.byState.failed_permanent ?? 0) + (p.byState.failed_temporary ?? 0);
    const uncertain = p.byState.uncertain ?? 0;
    const counts = { sent: p.byState.sent ?? 0, skipped: p.byState.skipped ?? 0, failed, uncertain };
    const text = deps.translator.t(normalizeLocale(author.locale), uncertain > 0 ? 'broadcast-finished-uncertain' : 'broadcast-finished', counts);
    const row = await deps.prisma.outboundMessage.create({ data: { channel: author.channel, userId: author.id, chatId: author.chatId, text } });
    await enqueueSends(outbound, [row.id]);
  }

  async function start(broadcastId: string): Promise<number | 'not-due' | null> {
    const b = await deps.prisma.broadcast.findUnique({ where: { id: broadcastId } });
    if (!b || b.status !== 'scheduled' || (b.needsApproval && !b.approvedAt)) return null;
    const now = clock.now();
    if (b.scheduledAt && b.scheduledAt > now) return 'not-due';
    if (!b.plannedAt) {
      const started = Date.now();
      const scanned = await planBroadcast(deps.prisma, b.id, { unitId: b.unitId, audience: b.audience as BroadcastAudience, kind: b.kind as BroadcastKind }, settings, now);
      deps.logger.info({ broadcastId, recipients: scanned, ms: Date.now() - started }, 'broadcast planned');
    }
    await deps.prisma.broadcast.updateMany({ where: { id: b.id, status: 'scheduled' }, data: { status: 'sending' } });
    await scheduler.ensureLanes(b.id);
    const author = await finishIfDrained(deps.prisma, b.id);
    if (author) await tellAuthor(b.id, author);
    return b.scheduledAt?.getTime() ?? 0;
  }

  const worker = deps.queues.worker<BroadcastJobData>(
    QUEUE_NAMES.broadcast,
    async (job, token) => {
      const data = job.data;
      if (data.type === 'start') {
        const started = await start(data.broadcastId);
        if (started === 'not-due') {
          // Due time by the injected clock (tests fix it), waited out on the real one.
          const b = await deps.prisma.broadcast.findUnique({ where: { id: data.broadcastId }, select: { scheduledAt: true } });
          const wait = (b?.scheduledAt?.getTime() ?? 0) - clock.now().getTime();
          await job.moveToDelayed(Date.now() + Math.max(1_000, wait), token);
          throw new DelayedError();
        }
        return started === null ? 'skipped' : 'started';
      }
      const outcome = await runLane(data.broadcastId, data.channelAccount);
      if (outcome.kind === 'paused') {
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError();
      }
      if (outcome.kind === 'drained') {
        const author = await finishIfDrained(deps.prisma, data.broadcastId);
        if (author) await tellAuthor(data.broadcastId, author);
      }
      return outcome.kind;
    },
    // Lane jobs run for minutes; BullMQ renews their lock while they do. A short lock and
    // stall check hand a killed worker's lanes to another worker within seconds, not 30 s.
    { concurrency: deps.concurrency ?? 8, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 },
  );
  worker.on('failed', (job, error) => deps.logger.warn({ jobId: job?.id, err: error.message }, 'broadcast job failed'));

  let sweeping: Promise<void> | null = null;
  const sweep = () => {
    sweeping ??= scheduler
      .sweep(clock.now())
      .catch((error: unknown) => deps.logger.warn({ err: (error as Error).message }, 'broadcast sweep failed'))
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };
  const timer = setInterval(() => void sweep(), deps.sweepIntervalMs ?? 1_000);
  timer.unref();
  void (async () => {
    // The PostgreSQL backend runs one worker process: jobs still "active" when it starts were
    // held by a process that died. New job ids (next round) let this one take the work at
    // once instead of waiting for stall detection; fenced claims keep the old ones harmless.
    if (deps.queues.kind === 'postgres') {
      await deps.prisma.broadcast.updateMany({ where: { status: { in: ['sending', 'scheduled'] } }, data: { round: { increment: 1 } } }).catch(() => undefined);
    }
    await sweep();
  })();

  return {
    worker,
    async close() {
      clearInterval(timer);
      await sweeping;
      await worker.close();
    },
  };
}
