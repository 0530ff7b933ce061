import type { SeedLoader } from '../seed-loader.js';
import { fixtureDate } from '../seed-fixture.js';

export const tiersLoader: SeedLoader = {
  name: 'tiers',
  async load(prisma, fixture) {
    for (const tier of fixture.tiers) {
      const data = {
        labelVi: tier.label_vi.normalize('NFC'),
        rank: tier.rank,
        active: tier.active,
        retiredOn: fixtureDate(tier.retired_on),
        note: tier.note ?? null,
      };
      await prisma.tier.upsert({ where: { code: tier.code }, create: { code: tier.code, ...data }, update: data });
    }
  },
};
