import { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../../bot/core/clock.js';
import { vietnamDateOf, vietnamYearOf } from '../../../bot/domain/iso-date.js';
import type { Translator } from '../../../bot/i18n/translator.js';
import type { PrismaClient } from '../../../runtime/database.js';
import { buildExport, EXPORT_KINDS, isExportKind } from '../../../worker/exports/export-service.js';
import { UnknownUnitError } from '../../../worker/exports/unknown-unit.error.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../../worker/exports/write-export.js';

export interface ExportRoutesDeps {
  prisma: PrismaClient;
  translator: Translator;
  clock: Clock;
}

const query = z.object({
  unit: z.string({ error: 'add unit=<unit id>, e.g. unit=hn-p-cuanam' }).trim().min(1, 'add unit=<unit id>, e.g. unit=hn-p-cuanam'),
  /** Default: this campaign year (Vietnam time). */
  year: z.coerce.number({ error: 'year must be a number, e.g. year=2026' }).int().min(2000, 'year must be 2000–2100').max(2100, 'year must be 2000–2100').optional(),
  lang: z.enum(['vi', 'en']).default('vi'),
});

/**
 * `GET /admin/exports/<kind>.<xlsx|csv>?unit=…&year=…[&lang=en]`: registrations,
 * recognitions, reports or statistics of a unit's subtree for a year, as a download.
 * Paths are relative to /admin; the admin router checks the token.
 */
export function createExportRoutes(deps: ExportRoutesDeps): Router {
  const router = Router();
  router.get('/exports/:file', async (req, res) => {
    const match = /^([a-z]+)\.(xlsx|csv)$/.exec(req.params.file);
    if (!match || !isExportKind(match[1]!)) {
      res.status(404).json({ error: 'not_found', message: `Ask for /admin/exports/<${EXPORT_KINDS.join('|')}>.<${EXPORT_FORMATS.join('|')}>?unit=…&year=….` });
      return;
    }
    const parsed = query.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const now = deps.clock.now();
    try {
      const file = await buildExport(deps.prisma, deps.translator, match[1], match[2] as ExportFormat, {
        unitId: parsed.data.unit,
        year: parsed.data.year ?? vietnamYearOf(now),
        today: vietnamDateOf(now),
        locale: parsed.data.lang,
      });
      res
        .status(200)
        .type(file.contentType)
        .set('Content-Disposition', `attachment; filename="${file.filename}"`)
        .set('X-Export-Rows', String(file.rows))
        .send(file.body);
    } catch (error) {
      if (error instanceof UnknownUnitError) {
        res.status(404).json({ error: 'unknown_unit', message: error.message });
        return;
      }
      throw error;
    }
  });
  return router;
}
