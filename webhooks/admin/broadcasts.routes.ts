import { Router } from 'express';
import type { PrismaClient } from '../../runtime/database.js';
import { broadcastProgress } from '../../worker/broadcast/broadcast-progress.js';
import { resendUncertain, resumeBroadcast, retryFailed, stopBroadcast } from '../../worker/broadcast/broadcast-control.js';
import type { BroadcastScheduler } from '../../worker/broadcast/broadcast-scheduler.js';

export interface BroadcastRoutesDeps {
  prisma: PrismaClient;
  /** Queues lanes at once after resume / retry-failed (the workers' sweeper would within a second anyway). */
  scheduler?: BroadcastScheduler;
}

const summary = (b: { id: string; kind: string; unitId: string; audience: string; status: string; scheduledAt: Date | null; expectedCount: number; createdAt: Date; finishedAt: Date | null }) => ({
  id: b.id,
  kind: b.kind,
  unitId: b.unitId,
  audience: b.audience,
  status: b.status,
  scheduledAt: b.scheduledAt,
  expectedCount: b.expectedCount,
  createdAt: b.createdAt,
  finishedAt: b.finishedAt,
});

/**
 * Broadcasts for operators, under `/admin` (auth is the admin router's): list, one
 * with live counts per state and channel, and stop / resume / retry-failed. The
 * actions are the same state changes the chat commands make.
 */
export function createBroadcastRoutes(deps: BroadcastRoutesDeps): Router {
  const router = Router();

  router.get('/api/broadcasts', async (req, res) => {
    const limit = Math.min(200, Math.max(1, Number(req.query.limit ?? 50) || 50));
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    const rows = await deps.prisma.broadcast.findMany({ where: status ? { status } : {}, orderBy: { createdAt: 'desc' }, take: limit });
    res.json({ broadcasts: rows.map(summary) });
  });

  router.get('/api/broadcasts/:id', async (req, res) => {
    const row = await deps.prisma.broadcast.findUnique({ where: { id: req.params.id } });
    if (!row) return void res.status(404).json({ error: 'not_found', message: `No broadcast ${req.params.id}; GET /admin/api/broadcasts lists them.` });
    res.json({ ...summary(row), body: row.body, needsApproval: row.needsApproval, approvedBy: row.approvedBy, progress: await broadcastProgress(deps.prisma, row.id) });
  });

  const action = (name: string, run: (id: string) => Promise<boolean | number | null>, allowed: string) =>
    router.post(`/api/broadcasts/:id/${name}`, async (req, res) => {
      const row = await deps.prisma.broadcast.findUnique({ where: { id: req.params.id }, select: { status: true } });
      if (!row) return void res.status(404).json({ error: 'not_found', message: `No broadcast ${req.params.id}.` });
      const result = await run(req.params.id);
      if (result === false || result === null) {
        return void res.status(409).json({ error: 'conflict', message: `Cannot ${name} a broadcast that is ${row.status}; ${allowed}.` });
      }
      await deps.scheduler?.ensureLanes(req.params.id);
      const after = await deps.prisma.broadcast.findUniqueOrThrow({ where: { id: req.params.id } });
      if (after.status === 'scheduled') await deps.scheduler?.ensureStart(after, new Date());
      res.json({ ...summary(after), ...(typeof result === 'number' ? { requeued: result } : {}), progress: await broadcastProgress(deps.prisma, after.id) });
    });

  action('stop', (id) => stopBroadcast(deps.prisma, id), 'only a scheduled, pending or sending one can be stopped');
  action('resume', (id) => resumeBroadcast(deps.prisma, id), 'only a stopped one can be resumed');
  action('retry-failed', (id) => retryFailed(deps.prisma, id), 'only a sending, stopped or finished one has failed rows to retry');
  // Rows whose delivery is unknown are never resent automatically; this is the staff's explicit choice.
  action('resend-uncertain', (id) => resendUncertain(deps.prisma, id), 'only a sending or finished one has uncertain rows to resend');
  return router;
}
