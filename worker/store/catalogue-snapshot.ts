import type { EventView, PublicInfoEntry } from '../../bot/features/residents/resident-services.js';
import { sqlOf, type Db } from '../../runtime/database.js';
import { Prisma } from '../../prisma/generated/client.js';

/**
 * The catalogue versions a turn read in its first statement (turn-context.store.ts):
 * `catalogue_version` changes on every write to `event` / `public_info` (statement
 * triggers, migration 20261130190000_catalogue_version).
 */
export interface CatalogueVersions {
  event?: string;
  public_info?: string;
}

/** The whole of a small table, as of `version`. */
interface Snapshot<Row> {
  version: string;
  rows: Row[];
}

/**
 * One table kept whole in the process and served while the version a turn read is the
 * one it was loaded at; otherwise it is loaded again, in the turn's transaction, with
 * the version in the same statement. Concurrent turns share one load.
 *
 * Why this is never stale: a turn compares against the version it read after taking
 * its lock, so it sees every change committed before it started, as a query would.
 * A turn that itself wrote to the table loads (if it loads) that write's fresh version
 * number, which nobody else reads unless the write commits. (A turn does not read
 * back its own event writes through this cache: staff event changes keep what they
 * wrote — worker/store/event-changes.store.ts.)
 */
function versionedSnapshot<Row>(load: (db: Db) => Promise<Snapshot<Row>>) {
  let current: Promise<Snapshot<Row>> | null = null;
  return async (db: Db, version: string | undefined): Promise<Row[]> => {
    if (version === undefined) return (await load(db)).rows;
    const cached = current ? await current.catch(() => null) : null;
    if (cached && cached.version === version) return cached.rows;
    const loading = load(db);
    current = loading;
    loading.catch(() => {
      if (current === loading) current = null;
    });
    return (await loading).rows;
  };
}

const EVENT_COLUMNS = Prisma.sql`id, title, type, host_unit_id, organizer_unit_id, venue, address, starts_at, ends_at, date_text, date_precision, audience, status`;

async function loadEvents(db: Db): Promise<Snapshot<EventView>> {
  const rows = await sqlOf(db).rows<{ version: string; events: Array<Record<string, string | null>> }>(Prisma.sql`
    SELECT (SELECT version::text FROM catalogue_version WHERE name = 'event') AS version,
           coalesce((SELECT json_agg(e ORDER BY e.id) FROM (SELECT ${EVENT_COLUMNS} FROM event) e), '[]'::json) AS events`);
  const row = rows[0]!;
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  return {
    version: String(row.version),
    rows: row.events.map((e) => ({
      id: e.id!,
      title: e.title!,
      type: e.type!,
      hostUnitId: e.host_unit_id ?? null,
      organizerUnitId: e.organizer_unit_id ?? null,
      venue: e.venue ?? null,
      address: e.address ?? null,
      startsAt: date(e.starts_at),
      endsAt: date(e.ends_at),
      dateText: e.date_text ?? null,
      datePrecision: e.date_precision!,
      audience: e.audience!,
      status: e.status!,
    })),
  };
}

async function loadPublicInfo(db: Db): Promise<Snapshot<PublicInfoEntry & { sortOrder: number }>> {
  const rows = await sqlOf(db).rows<{ version: string; entries: Array<{ id: string; kind: string; unit_id: string | null; terms: string[]; content: Record<string, unknown> | null; sort_order: number; demo: boolean; source: string | null }> }>(Prisma.sql`
    SELECT (SELECT version::text FROM catalogue_version WHERE name = 'public_info') AS version,
           coalesce((SELECT json_agg(p ORDER BY p.sort_order, p.id) FROM (SELECT id, kind, unit_id, terms, content, sort_order, demo, source FROM public_info) p), '[]'::json) AS entries`);
  const row = rows[0]!;
  return {
    version: String(row.version),
    rows: row.entries.map((p) => ({ id: p.id, kind: p.kind, unitId: p.unit_id, terms: p.terms ?? [], content: p.content ?? {}, demo: p.demo, source: p.source, sortOrder: p.sort_order })),
  };
}

/** Events and public information, whole, per process (see `versionedSnapshot`). */
export interface CatalogueSnapshots {
  events(db: Db, version: string | undefined): Promise<EventView[]>;
  publicInfo(db: Db, version: string | undefined): Promise<PublicInfoEntry[]>;
}

export function createCatalogueSnapshots(): CatalogueSnapshots {
  return { events: versionedSnapshot(loadEvents), publicInfo: versionedSnapshot(loadPublicInfo) };
}

/** The `catalogue_version` numbers as JSON, for the turn's first read. */
export const catalogueVersionsSql = Prisma.sql`(SELECT json_object_agg(name, version::text) FROM catalogue_version)`;
