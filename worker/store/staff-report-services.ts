import type { ChatIdentity } from '../../bot/core/identity.js';
import { isWithin, vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { StaffReportServices } from '../../bot/features/staff/staff-report-services.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { Db } from '../../runtime/database.js';
import { buildExport, buildStatistics } from '../exports/export-service.js';
import { saveExportFile } from '../exports/export-file.repository.js';
import { actorFor } from './cadre-identity.store.js';

export interface StaffReportServicesOptions {
  translator: Translator;
  /** PUBLIC_BASE_URL; one-time links are relative (`/exports/<token>`) without it. */
  publicBaseUrl: string | null;
}

/** Roles that may take a unit's files and figures by chat (issue 15). */
const REPORTING_ROLES = new Set(['reviewer', 'approver', 'admin']);

/** Exports and statistics for staff by chat, on the turn's transaction. */
export function createStaffReportServices(db: Db, options: StaffReportServicesOptions): Required<StaffReportServices> {
  /** Keeps the bytes 24 h under an unguessable id: attached where the channel can, else a one-time link. */
  async function store(kind: 'document' | 'image', filename: string, contentType: string, bytes: Buffer, who: { userId: string; now: Date }) {
    const file = await saveExportFile(db, { kind, filename, contentType, bytes, createdForUserId: who.userId }, who.now);
    return { file, link: `${options.publicBaseUrl ?? ''}/exports/${file.fileId}` };
  }
  return {
    staffReports: {
      async scope(user: ChatIdentity, now: Date) {
        const actor = await actorFor(db, user);
        if (!actor) return { kind: 'not-staff', cadre: false };
        const today = vietnamDateOf(now);
        const grant =
          actor.status === 'active'
            ? actor.grants.find((g) => REPORTING_ROLES.has(g.role) && !g.suspended && isWithin(today, g.validFrom, g.validTo))
            : undefined;
        if (!grant) return { kind: 'not-staff', cadre: true };
        const unit = await db.unit.findUnique({ where: { id: grant.scopeUnitId }, select: { name: true } });
        return { kind: 'staff', unitId: grant.scopeUnitId, unitName: unit?.name ?? grant.scopeUnitId };
      },
      async exportFile(input) {
        const built = await buildExport(db, options.translator, input.what, input.format, {
          unitId: input.unitId,
          year: input.year,
          today: vietnamDateOf(input.now),
          locale: input.locale,
        });
        return { ...(await store('document', built.filename, built.contentType, built.body, input)), rows: built.rows };
      },
      async statistics(input) {
        const { stats, png } = await buildStatistics(db, options.translator, {
          unitId: input.unitId,
          year: input.year,
          today: vietnamDateOf(input.now),
          locale: input.locale,
        });
        return { stats, chart: await store('image', `thong-ke-${input.year}-${input.unitId}.png`, 'image/png', png, input) };
      },
    },
  };
}
