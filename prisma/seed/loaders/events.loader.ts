import type { Prisma } from '../../generated/client.js';
import type { SeedLoader } from '../seed-loader.js';
import { inParallel } from './in-parallel.js';

interface FixtureEvent {
  id: string;
  type: string;
  title: string;
  organizer_unit_id?: string;
  host_unit_id?: string;
  venue?: string;
  date?: string;
  start?: string;
  end?: string;
  start_date?: string;
  end_date?: string;
  date_precision: string;
  date_note?: string;
  audience?: string;
  status: string;
  results?: unknown[];
  source?: string;
  synthetic?: boolean;
}

/** A day-precision date starts at 00:00 in Vietnam; coarser dates keep only their text. */
function dayStart(day: string | undefined): Date | null {
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00+07:00`) : null;
}

export const eventsLoader: SeedLoader = {
  name: 'events',
  async load(prisma, fixture) {
    await inParallel(fixture.events as unknown as FixtureEvent[], async (e) => {
      const data = {
        title: e.title.normalize('NFC'),
        type: e.type,
        organizerUnitId: e.organizer_unit_id ?? null,
        hostUnitId: e.host_unit_id ?? null,
        venue: e.venue?.normalize('NFC') ?? null,
        startsAt: e.start ? new Date(e.start) : dayStart(e.start_date ?? e.date),
        endsAt: e.end ? new Date(e.end) : dayStart(e.end_date),
        dateText: e.date ?? e.start_date ?? e.start ?? null,
        datePrecision: e.date_precision,
        audience: e.audience ?? 'public',
        status: e.status,
        results: e.results ? (JSON.parse(JSON.stringify(e.results)) as Prisma.InputJsonValue) : undefined,
        source: e.source ?? null,
        synthetic: e.synthetic ?? false,
        note: e.date_note ?? null,
      };
      await prisma.event.upsert({ where: { id: e.id }, create: { id: e.id, ...data }, update: data });
    });
  },
};
