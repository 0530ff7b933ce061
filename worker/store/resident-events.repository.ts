import type { EventRepository, EventSearch, EventView } from '../../bot/features/residents/resident-services.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import { subtreeIds } from '../../bot/features/residents/unit-scope.js';
import type { Db } from '../../runtime/database.js';

const UPCOMING_STATUSES = ['planned', 'confirmed', 'postponed'];

type EventRow = Awaited<ReturnType<Db['event']['findMany']>>[number];

function toView(row: EventRow): EventView {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    hostUnitId: row.hostUnitId,
    organizerUnitId: row.organizerUnitId,
    venue: row.venue,
    address: row.address,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    dateText: row.dateText,
    datePrecision: row.datePrecision,
    audience: row.audience,
    status: row.status,
  };
}

/**
 * When an imprecise historical event may have happened: "2023" spans the year, "2022-10"
 * the month (Vietnam time). Precise events use their start.
 */
function spanOf(row: Pick<EventView, 'startsAt' | 'endsAt' | 'dateText'>): { from: Date; to: Date } | null {
  if (row.startsAt) return { from: row.startsAt, to: row.endsAt ?? row.startsAt };
  const text = row.dateText ?? '';
  const year = /^(\d{4})$/.exec(text);
  if (year) return { from: new Date(`${year[1]}-01-01T00:00:00+07:00`), to: new Date(`${Number(year[1]) + 1}-01-01T00:00:00+07:00`) };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    return { from: new Date(`${month[1]}-${month[2]}-01T00:00:00+07:00`), to: new Date(`${next}-01T00:00:00+07:00`) };
  }
  return null;
}

/** Upcoming first, then by id: the order of the ORM query below. */
const byStartThenId = (a: EventView, b: EventView) => a.startsAt!.getTime() - b.startsAt!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Events for residents: scope is a unit subtree (units are a dated tree, never a name).
 * With `snapshot` (the whole table, current for this turn: catalogue-snapshot.ts) the
 * same filters run in memory — no query; without it, on the database.
 */
export function createEventRepository(db: Db, units: () => Promise<UnitTree>, snapshot?: () => Promise<EventView[]>): EventRepository {
  if (snapshot) return createSnapshotEventRepository(units, snapshot);
  async function hostFilter(search: EventSearch) {
    if (search.unitIds === null) return {};
    const ids = subtreeIds(await units(), search.unitIds, vietnamDateOf(search.from));
    return { hostUnitId: { in: [...ids] } };
  }
  const typeFilter = (search: EventSearch) => (search.types && search.types.length > 0 ? { type: { in: [...search.types] } } : {});

  return {
    async upcoming(search) {
      const rows = await db.event.findMany({
        where: {
          ...(await hostFilter(search)),
          ...typeFilter(search),
          status: { in: UPCOMING_STATUSES },
          startsAt: { gte: search.from, ...(search.to ? { lt: search.to } : {}) },
        },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: search.limit,
      });
      return rows.map(toView);
    },
    async past(search) {
      // Callers cap `to` at "now": what has not started yet is never history.
      const end = search.to ?? new Date(8.64e15);
      const rows = await db.event.findMany({
        where: { ...(await hostFilter(search)), ...typeFilter(search), status: { not: 'cancelled' } },
      });
      return rows
        .map((row) => ({ row, span: spanOf(row) }))
        .filter(({ span }) => span !== null && span.from < end && span.to >= search.from)
        .sort((a, b) => b.span!.from.getTime() - a.span!.from.getTime() || a.row.id.localeCompare(b.row.id))
        .slice(0, search.limit)
        .map(({ row }) => toView(row));
    },
    async get(id) {
      const row = await db.event.findUnique({ where: { id } });
      return row ? toView(row) : null;
    },
  };
}

/** The repository over the process's snapshot: same answers as the queries above. */
function createSnapshotEventRepository(units: () => Promise<UnitTree>, snapshot: () => Promise<EventView[]>): EventRepository {
  async function inScope(search: EventSearch): Promise<(event: EventView) => boolean> {
    const hosts = search.unitIds === null ? null : subtreeIds(await units(), search.unitIds, vietnamDateOf(search.from));
    const types = search.types && search.types.length > 0 ? new Set(search.types) : null;
    return (event) => (hosts === null || (event.hostUnitId !== null && hosts.has(event.hostUnitId))) && (types === null || types.has(event.type));
  }
  return {
    async upcoming(search) {
      const matches = await inScope(search);
      const found = (await snapshot())
        .filter((e) => matches(e) && UPCOMING_STATUSES.includes(e.status) && e.startsAt !== null && e.startsAt >= search.from && (!search.to || e.startsAt < search.to))
        .sort(byStartThenId);
      return found.slice(0, search.limit);
    },
    async past(search) {
      const end = search.to ?? new Date(8.64e15);
      const matches = await inScope(search);
      return (await snapshot())
        .filter((e) => matches(e) && e.status !== 'cancelled')
        .map((event) => ({ event, span: spanOf(event) }))
        .filter(({ span }) => span !== null && span.from < end && span.to >= search.from)
        .sort((a, b) => b.span!.from.getTime() - a.span!.from.getTime() || a.event.id.localeCompare(b.event.id))
        .slice(0, search.limit)
        .map(({ event }) => event);
    },
    async get(id) {
      return (await snapshot()).find((e) => e.id === id) ?? null;
    },
  };
}
