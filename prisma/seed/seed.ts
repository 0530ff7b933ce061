import type { PrismaClient } from '../../runtime/database.js';
import type { SeedLoader } from './seed-loader.js';
import { readSeedFixture, type SeedFixture } from './seed-fixture.js';
import { tiersLoader } from './loaders/tiers.loader.js';
import { unitsLoader } from './loaders/units.loader.js';
import { unitDetailsLoader } from './loaders/unit-details.loader.js';
import { demoAccountsLoader } from './loaders/demo-accounts.loader.js';
import { registrationsLoader } from './loaders/registrations.loader.js';
import { eventsLoader } from './loaders/events.loader.js';
import { awardsLoader } from './loaders/awards.loader.js';
import { statisticsLoader } from './loaders/statistics.loader.js';
import { demoCalendarLoader } from './loaders/demo-calendar.loader.js';
import { residentConfigLoader } from './loaders/resident-config.loader.js';

/**
 * Seed loaders in dependency order. Each is idempotent (upserts by fixture id), so
 * `npm start` can load the seed on every boot of the embedded database.
 * Add a loader here when you add seeded data.
 */
export const SEED_LOADERS: readonly SeedLoader[] = [
  tiersLoader,
  unitsLoader,
  unitDetailsLoader,
  demoAccountsLoader,
  registrationsLoader,
  eventsLoader,
  awardsLoader,
  statisticsLoader,
  demoCalendarLoader,
  residentConfigLoader,
];

export async function runSeed(
  prisma: PrismaClient,
  options: { fixture?: SeedFixture; loaders?: readonly SeedLoader[] } = {},
): Promise<string[]> {
  const fixture = options.fixture ?? readSeedFixture();
  const done: string[] = [];
  for (const loader of options.loaders ?? SEED_LOADERS) {
    await loader.load(prisma, fixture);
    done.push(loader.name);
  }
  return done;
}
