import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../runtime/database.js';
import { sendValidationError } from '../http/validation-error.js';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/**
 * What the reliability rules set aside, for an operator to look at (issue 12):
 * `GET /admin/api/rejected-updates` (authentic updates answered 200 but not queued)
 * and `GET /admin/api/dead-letters` (turns that failed for a data reason), newest
 * first. Paths are relative to `/admin`; auth is applied once in admin.router.ts.
 */
export function createReliabilityAdminRouter(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/api/rejected-updates', async (req, res) => {
    const parsed = listQuery.safeParse(req.query);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const rows = await prisma.rejectedUpdate.findMany({ orderBy: { receivedAt: 'desc' }, take: parsed.data.limit });
    res.json({ rejectedUpdates: rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString() })) });
  });

  router.get('/api/dead-letters', async (req, res) => {
    const parsed = listQuery.safeParse(req.query);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const rows = await prisma.inboundEventLog.findMany({
      where: { deadLetteredAt: { not: null } },
      orderBy: { deadLetteredAt: 'desc' },
      take: parsed.data.limit,
      select: { id: true, channel: true, userId: true, kind: true, failure: true, receivedAt: true, deadLetteredAt: true },
    });
    res.json({
      deadLetters: rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString(), deadLetteredAt: row.deadLetteredAt!.toISOString() })),
    });
  });

  return router;
}
