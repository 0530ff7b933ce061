import type { RegistrationView } from '../../bot/features/cadre/cadre-services.js';
import { createCampaignCalendar } from '../../bot/domain/campaign-calendar.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { Category, Field, RegistrationStatus, ReportKind, SubjectType } from '../../bot/domain/registration-status.js';
import type { CadreActor, Role } from '../../bot/domain/roles.js';
import { createScopePolicy } from '../../bot/domain/scope-policy.js';
import type { Db } from '../../runtime/database.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { loadCalendarEntries } from './campaign-calendar.repository.js';
import { loadTierCatalog, loadUnitTree } from './unit-tree.repository.js';
import { toIsoDate } from './store-dates.js';
import { attachmentRefsOf } from '../attachments/attachment.repository.js';

export const VIEW_INCLUDE = {
  subjectUnit: { select: { name: true } },
  contactCadre: { select: { fullName: true } },
  notes: { orderBy: { at: 'desc' }, take: 1 },
  recognitions: { orderBy: { createdAt: 'desc' }, include: { tier: { select: { labelVi: true } } } },
  reports: { select: { kind: true, period: true } },
} satisfies Prisma.RegistrationInclude;

type RowWithView = Prisma.RegistrationGetPayload<{ include: typeof VIEW_INCLUDE }>;

/** Registration rows → what the flows show, with the date the status began and the next report due. */
export async function toViews(db: Db, rows: RowWithView[], now: Date): Promise<RegistrationView[]> {
  if (rows.length === 0) return [];
  const audits = await db.auditLog.findMany({
    where: { entityType: 'registration', entityId: { in: rows.map((r) => r.id) } },
    orderBy: { id: 'desc' },
    select: { entityId: true, at: true },
  });
  const since = new Map<string, Date>();
  for (const a of audits) if (!since.has(a.entityId)) since.set(a.entityId, a.at);
  const today = vietnamDateOf(now);
  const needsCalendar = rows.some((r) => r.status === 'accepted');
  const calendar = needsCalendar ? createCampaignCalendar({ units: await loadUnitTree(db), entries: await loadCalendarEntries(db, rows[0]!.year) }) : null;
  return rows.map((r) => {
    const recognition = r.recognitions.find((x) => x.status === 'approved') ?? null;
    let nextReport: RegistrationView['nextReport'] = null;
    if (calendar && r.status === 'accepted') {
      for (const kind of ['so_ket_6_thang', 'tong_ket_nam'] as const) {
        if (r.reports.some((x) => x.kind === kind)) continue;
        const due = calendar.reportDue(r.subjectUnitId, r.year, kind, today);
        if (due.status === 'configured') nextReport = { kind, dueDate: due.entry.endsOn, overdue: due.entry.endsOn < today };
        break;
      }
    }
    const note = r.notes[0];
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      year: r.year,
      status: r.status as RegistrationStatus,
      category: r.category as Category | null,
      subjectType: r.subjectType as SubjectType | null,
      subjectUnitId: r.subjectUnitId,
      subjectUnitName: r.subjectUnit.name,
      personName: r.personName,
      field: r.field as Field | null,
      summary: r.summary,
      startDate: toIsoDate(r.startDate),
      late: r.late,
      contactCadreId: r.contactCadreId,
      contactName: r.contactCadre?.fullName ?? null,
      statusSince: since.get(r.id) ?? r.updatedAt,
      lastNote: note ? { event: note.event, comment: note.comment, at: note.at } : null,
      recognition: recognition
        ? { tierCode: recognition.tierCode, tierLabel: recognition.tier.labelVi, decisionNo: recognition.decisionNo, decisionDate: toIsoDate(recognition.decisionDate) }
        : null,
      reports: r.reports.map((x) => ({ kind: x.kind as ReportKind, period: x.period })),
      attachments: attachmentRefsOf(r.attachments),
      nextReport,
    };
  });
}

/**
 * Who may look at a registration: cadres of the owning unit and reviewers, approvers
 * and admins whose scope covers it (scope through the 2025 lineage included).
 */
export async function visibilityFilter(db: Db, actor: CadreActor | null, now: Date, roles: readonly Role[] = ['cadre', 'reviewer', 'approver', 'admin']) {
  if (!actor) return () => false;
  const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
  const scope = createScopePolicy({ units, tiers });
  const today = vietnamDateOf(now);
  return (row: { subjectUnitId: string; contactCadreId: string | null; createdByCadreId: string | null }) =>
    row.contactCadreId === actor.cadreId ||
    row.createdByCadreId === actor.cadreId ||
    roles.some((role) => scope.grantCovering(actor, role, row.subjectUnitId, today) !== undefined);
}
