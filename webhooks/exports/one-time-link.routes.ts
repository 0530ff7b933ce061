import { Router } from 'express';
import type { Clock } from '../../bot/core/clock.js';
import type { PrismaClient } from '../../runtime/database.js';
import { takeExportFileOnce } from '../../worker/exports/export-file.repository.js';

/**
 * `GET /exports/<token>`: the one-time link staff get on channels that cannot send
 * files (Zalo Bot, Zalo OA). Outside /admin on purpose: the unguessable token is the
 * credential; it works once, within 24 hours, then answers 410.
 */
export function createOneTimeLinkRouter(deps: { prisma: PrismaClient; clock: Clock }): Router {
  const router = Router();
  router.get('/exports/:token', async (req, res) => {
    const file = /^[A-Za-z0-9_-]{20,64}$/.test(req.params.token) ? await takeExportFileOnce(deps.prisma, req.params.token, deps.clock.now()) : null;
    if (!file) {
      res
        .status(410)
        .type('text/plain; charset=utf-8')
        .send('Liên kết này đã được dùng hoặc đã hết hạn (24 giờ). Vui lòng nhắn lại yêu cầu xuất tệp cho bot.\nThis link was already used or has expired: ask the bot again.');
      return;
    }
    res
      .status(200)
      .type(file.contentType)
      .set('Content-Disposition', `attachment; filename="${file.filename}"`)
      .set('Cache-Control', 'no-store')
      .send(file.bytes);
  });
  return router;
}
