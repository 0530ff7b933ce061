import type { PrismaClient } from '../../runtime/database.js';
import type { SeedFixture } from './seed-fixture.js';

/** One slice of the seed. Must be idempotent: running it twice leaves the same rows. */
export interface SeedLoader {
  readonly name: string;
  load(prisma: PrismaClient, fixture: SeedFixture): Promise<void>;
}
