import type { CalendarEntry, CalendarItemKind } from '../../bot/domain/campaign-calendar.js';
import type { ReportKind } from '../../bot/domain/registration-status.js';
import type { Db } from '../../runtime/database.js';
import { toIsoDate } from './store-dates.js';

/** Calendar rows for a campaign year, for the pure campaign-calendar lookup. */
export async function loadCalendarEntries(db: Db, year: number): Promise<CalendarEntry[]> {
  const rows = await db.campaignCalendarEntry.findMany({ where: { year }, orderBy: { effectiveFrom: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    reviewingUnitId: r.reviewingUnitId,
    year: r.year,
    kind: r.kind as CalendarItemKind,
    reportKind: r.reportKind as ReportKind | null,
    startsOn: toIsoDate(r.startsOn),
    endsOn: toIsoDate(r.endsOn)!,
    effectiveFrom: toIsoDate(r.effectiveFrom)!,
    demo: r.demo,
  }));
}
