import type { IsoDate } from './iso-date.js';
import type { ReportKind } from './registration-status.js';
import { lastValidDay, type UnitTree } from './unit-tree.js';

export const CALENDAR_ITEM_KINDS = ['registration_window', 'report_due', 'evaluation_round'] as const;
export type CalendarItemKind = (typeof CALENDAR_ITEM_KINDS)[number];

/**
 * One configured date range of a reviewing unit's campaign. Entries are effective-dated:
 * a later `effectiveFrom` supersedes an earlier one for the same item, so a changed plan
 * keeps the old answer for questions asked before the change.
 */
export interface CalendarEntry {
  id: string;
  reviewingUnitId: string;
  year: number;
  kind: CalendarItemKind;
  /** Only for `report_due`. */
  reportKind: ReportKind | null;
  /** Window or round start; null for a plain due date. */
  startsOn: IsoDate | null;
  /** Window close, round end or the due date. */
  endsOn: IsoDate;
  effectiveFrom: IsoDate;
  /** Demo data the seed adds; never shown as an official date without saying so. */
  demo: boolean;
}

export type CalendarAnswer =
  | { status: 'configured'; entry: CalendarEntry; reviewingUnitId: string }
  /** Nothing in code invents a date: the caller says "not configured yet". */
  | { status: 'not_configured' };

export interface CalendarQuery {
  unitId: string;
  year: number;
  kind: CalendarItemKind;
  reportKind?: ReportKind;
  asOf: IsoDate;
}

export function createCampaignCalendar(deps: { units: UnitTree; entries: readonly CalendarEntry[] }) {
  function lookup(q: CalendarQuery): CalendarAnswer {
    const unit = deps.units.get(q.unitId);
    if (!unit) return { status: 'not_configured' };
    const day = lastValidDay(unit, q.asOf);
    // The nearest reviewing unit up the tree that configured this item wins; a merged
    // unit falls back to its successors' calendars.
    const chains = [[unit.id, ...deps.units.ancestorsAsOf(unit.id, day).map((a) => a.id)]];
    for (const s of unit.successors) chains.push([s.unitId, ...deps.units.ancestorsAsOf(s.unitId, q.asOf).map((a) => a.id)]);
    for (const chain of chains) {
      for (const reviewingUnitId of chain) {
        const entry = latestEffective(
          deps.entries.filter(
            (e) =>
              e.reviewingUnitId === reviewingUnitId &&
              e.year === q.year &&
              e.kind === q.kind &&
              (q.kind !== 'report_due' || e.reportKind === (q.reportKind ?? null)) &&
              e.effectiveFrom <= q.asOf,
          ),
        );
        if (entry) return { status: 'configured', entry, reviewingUnitId };
      }
    }
    return { status: 'not_configured' };
  }

  return {
    lookup,
    registrationWindow: (unitId: string, year: number, asOf: IsoDate) => lookup({ unitId, year, kind: 'registration_window', asOf }),
    reportDue: (unitId: string, year: number, reportKind: ReportKind, asOf: IsoDate) =>
      lookup({ unitId, year, kind: 'report_due', reportKind, asOf }),
    evaluationRound: (unitId: string, year: number, asOf: IsoDate) => lookup({ unitId, year, kind: 'evaluation_round', asOf }),
  };
}

export type CampaignCalendar = ReturnType<typeof createCampaignCalendar>;

function latestEffective(entries: CalendarEntry[]): CalendarEntry | undefined {
  return entries.reduce<CalendarEntry | undefined>((best, e) => (!best || e.effectiveFrom > best.effectiveFrom ? e : best), undefined);
}

/** Where a date stands against a window; `not_configured` never guesses. */
export function windowPhase(answer: CalendarAnswer, on: IsoDate): 'not_configured' | 'before' | 'open' | 'closed' {
  if (answer.status === 'not_configured') return 'not_configured';
  const { startsOn, endsOn } = answer.entry;
  if (startsOn !== null && on < startsOn) return 'before';
  return on <= endsOn ? 'open' : 'closed';
}

/** Late means submitted after a configured window closed; without a calendar nothing is late. */
export function isLateSubmission(answer: CalendarAnswer, submittedOn: IsoDate): boolean {
  return windowPhase(answer, submittedOn) === 'closed';
}
