import type { SeedLoader } from '../seed-loader.js';
import { inParallel } from './in-parallel.js';

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

/**
 * DEMO campaign calendar for phường Cửa Nam, every row `demo: true`. The real calendar
 * is an open question (domain §6 gap 3); these dates follow the examples of domain §3
 * (registration closes 31/03, mid-year report due 15/6) so the console can show them.
 */
const ENTRIES = [2026, 2027].flatMap((year) => [
  { id: `demo-cuanam-${year}-registration`, kind: 'registration_window', reportKind: null, startsOn: `${year}-01-15`, endsOn: `${year}-03-31` },
  { id: `demo-cuanam-${year}-so-ket`, kind: 'report_due', reportKind: 'so_ket_6_thang', startsOn: null, endsOn: `${year}-06-15` },
  { id: `demo-cuanam-${year}-tong-ket`, kind: 'report_due', reportKind: 'tong_ket_nam', startsOn: null, endsOn: `${year}-09-15` },
  { id: `demo-cuanam-${year}-evaluation`, kind: 'evaluation_round', reportKind: null, startsOn: `${year}-09-20`, endsOn: `${year}-10-10` },
].map((e) => ({ ...e, year })));

export const demoCalendarLoader: SeedLoader = {
  name: 'demo-calendar',
  async load(prisma) {
    await inParallel(ENTRIES, async (e) => {
      const data = {
        reviewingUnitId: 'hn-p-cuanam',
        year: e.year,
        kind: e.kind,
        reportKind: e.reportKind,
        startsOn: e.startsOn ? day(e.startsOn) : null,
        endsOn: day(e.endsOn),
        effectiveFrom: day(`${e.year - 1}-12-01`),
        demo: true,
        note: 'DEMO – không phải lịch chính thức',
      };
      await prisma.campaignCalendarEntry.upsert({ where: { id: e.id }, create: { id: e.id, ...data }, update: data });
    });
  },
};
