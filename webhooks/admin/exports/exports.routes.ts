import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Clock } from '../../../bot/core/clock.js';
import { vietnamDateOf, vietnamYearOf } from '../../../bot/domain/iso-date.js';
import type { Translator } from '../../../bot/i18n/translator.js';
import type { PrismaClient } from '../../../runtime/database.js';
import type { ExportRequest } from '../../../worker/exports/export-context.js';
import { buildExport, buildStatistics, EXPORT_KINDS, isExportKind } from '../../../worker/exports/export-service.js';
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
 * Paths relative to /admin (the admin router checks the token):
 * - `GET /exports/<registrations|recognitions|reports|statistics>.<xlsx|csv>?unit=…&year=…[&lang=en]`: a download;
 * - `GET /exports/statistics.png?unit=…&year=…`: the statistics bar chart;
 * - `GET /api/statistics?unit=…&year=…`: the same figures as JSON.
 */
export function createExportRoutes(deps: ExportRoutesDeps): Router {
  const router = Router();

  /** unit, year and lang from the query; answers 400 itself when they are bad. */
  function readRequest(raw: unknown, res: Response): ExportRequest | null {
    const parsed = query.safeParse(raw);
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return null;
    }
    const now = deps.clock.now();
    return { unitId: parsed.data.unit, year: parsed.data.year ?? vietnamYearOf(now), today: vietnamDateOf(now), locale: parsed.data.lang };
  }

  /** Runs the build; an unknown unit becomes a 404 that names it. */
  async function orUnknownUnit<T>(res: Response, build: () => Promise<T>): Promise<T | null> {
    try {
      return await build();
    } catch (error) {
      if (!(error instanceof UnknownUnitError)) throw error;
      res.status(404).json({ error: 'unknown_unit', message: error.message });
      return null;
    }
  }

  router.get('/exports/statistics.png', async (req, res) => {
    const request = readRequest(req.query, res);
    const built = request && (await orUnknownUnit(res, () => buildStatistics(deps.prisma, deps.translator, request)));
    if (built) res.status(200).type('image/png').send(built.png);
  });

  router.get('/api/statistics', async (req, res) => {
    const request = readRequest(req.query, res);
    const built = request && (await orUnknownUnit(res, () => buildStatistics(deps.prisma, deps.translator, request)));
    if (built) res.json(built.stats);
  });

  router.get('/exports/:file', async (req, res) => {
    const match = /^([a-z]+)\.(xlsx|csv)$/.exec(req.params.file);
    const kind = match?.[1];
    if (!match || !kind || !isExportKind(kind)) {
      res.status(404).json({ error: 'not_found', message: `Ask for /admin/exports/<${EXPORT_KINDS.join('|')}>.<${EXPORT_FORMATS.join('|')}>?unit=…&year=….` });
      return;
    }
    const request = readRequest(req.query, res);
    const file = request && (await orUnknownUnit(res, () => buildExport(deps.prisma, deps.translator, kind, match[2] as ExportFormat, request)));
    if (!file) return;
    res
      .status(200)
      .type(file.contentType)
      .set('Content-Disposition', `attachment; filename="${file.filename}"`)
      .set('X-Export-Rows', String(file.rows))
      .send(file.body);
  });
  return router;
}
