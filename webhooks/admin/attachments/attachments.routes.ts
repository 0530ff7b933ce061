import { Router } from 'express';
import type { PrismaClient } from '../../../runtime/database.js';

/**
 * Paths relative to /admin (the admin router checks the token):
 * - `GET /api/registrations/:id/attachments`: the files of one registration and its reports (no bytes);
 * - `GET /attachments/:id`: one file, as a download under its own name.
 * Reviewers see names and sizes in the chat; the office opens the files here.
 */
export function createAttachmentRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();

  router.get('/api/registrations/:id/attachments', async (req, res) => {
    const rows = await deps.prisma.attachment.findMany({
      where: { OR: [{ registrationId: req.params.id }, { report: { registrationId: req.params.id } }] },
      select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, reportId: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
    res.json({ attachments: rows.map((r) => ({ ...r, url: `/admin/attachments/${r.id}` })) });
  });

  router.get('/attachments/:id', async (req, res) => {
    const file = await deps.prisma.attachment.findUnique({ where: { id: req.params.id } });
    // Files of drafts still in a conversation are the sender's alone until the draft is saved.
    if (!file || (file.registrationId === null && file.reportId === null)) {
      res.status(404).json({ error: 'not_found', message: 'No saved attachment has this id (see /admin/api/registrations/<id>/attachments).' });
      return;
    }
    res
      .status(200)
      .type(file.contentType)
      .set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .set('X-Content-Type-Options', 'nosniff')
      .send(Buffer.from(file.bytes));
  });
  return router;
}
