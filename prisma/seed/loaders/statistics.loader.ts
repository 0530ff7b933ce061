import type { Prisma } from '../../generated/client.js';
import type { SeedLoader } from '../seed-loader.js';
import { inParallel } from './in-parallel.js';

/** Published counts per unit and year, kept as reported (">400" stays a string). */
export const statisticsLoader: SeedLoader = {
  name: 'statistics',
  async load(prisma, fixture) {
    await inParallel(fixture.stats, async (stat) => {
      const { unit_id: unitId, year, source, ...metrics } = stat as { unit_id: string; year: number; source?: string } & Record<string, unknown>;
      const id = `stat:${unitId}:${year}:${source ?? 'unknown'}`;
      const data = { unitId, year, source: source ?? null, metrics: JSON.parse(JSON.stringify(metrics)) as Prisma.InputJsonValue };
      await prisma.unitStatistic.upsert({ where: { id }, create: { id, ...data }, update: data });
    });
  },
};
