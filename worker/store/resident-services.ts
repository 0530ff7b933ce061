import type { ResidentServices, ResidentStore, PublicInfoEntry } from '../../bot/features/residents/resident-services.js';
import { createPlaceResolver, type StreetEntry } from '../../bot/domain/place-resolver.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import { resolutionForUnit } from '../../bot/features/residents/unit-scope.js';
import type { Db } from '../../runtime/database.js';
import { createEventRepository } from './resident-events.repository.js';
import { createSubscriberRepository } from './subscriber.repository.js';
import { createPublicRecognitionRepository } from './public-recognition.repository.js';
import { loadUnitTree } from './unit-tree.repository.js';
import { toIsoDate } from './store-dates.js';
import type { CatalogueCache } from './catalogue-cache.js';
import type { CatalogueVersions } from './catalogue-snapshot.js';

type PlaceResolver = ReturnType<typeof createPlaceResolver>;

/**
 * Place resolvers by the unit tree and the public-information rows they were built from.
 * Building one indexes every unit name and alias (a profile of the worker put it at
 * ≈ 0.5 ms, a tenth of a turn's CPU); the process's cached tree and snapshot rows keep
 * their identity until they change, so one resolver serves every turn until then.
 * Without the cache every turn loads fresh objects, misses, and builds its own.
 */
const resolvers = new WeakMap<UnitTree, { entries: readonly PublicInfoEntry[]; resolver: PlaceResolver }>();

/**
 * Prisma-backed services for the resident features, on the turn's transaction. Reads are lazy: a turn pays only for what it asks.
 * With `catalogues`, the unit tree comes from the process's cache (worker/store/catalogue-cache.ts).
 */
export function createResidentServices(db: Db, catalogues?: CatalogueCache, versions?: CatalogueVersions): ResidentServices {
  let tree: Promise<UnitTree> | null = null;
  const units = () => (tree ??= catalogues ? catalogues.unitTree(db) : loadUnitTree(db));
  // Events and public information from the process's snapshot when the turn read their versions.
  const snapshot = catalogues && versions ? catalogues : null;

  const info = {
    async list(kind: string): Promise<PublicInfoEntry[]> {
      if (snapshot) return (await snapshot.publicInfo(db, versions!.public_info)).filter((entry) => entry.kind === kind);
      const rows = await db.publicInfo.findMany({ where: { kind }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        unitId: r.unitId,
        terms: r.terms,
        content: (r.content ?? {}) as Record<string, unknown>,
        demo: r.demo,
        source: r.source,
      }));
    },
  };

  let resolver: Promise<PlaceResolver> | null = null;
  const placeResolver = () =>
    (resolver ??= (async () => {
      const tree = await units();
      const entries = snapshot ? await snapshot.publicInfo(db, versions!.public_info) : await info.list('street');
      const built = resolvers.get(tree);
      if (built && built.entries === entries) return built.resolver;
      // Street → ward rows are configuration (domain §6 gap 6): none configured, none used.
      const streets: StreetEntry[] = entries.flatMap((e) =>
        e.kind === 'street' && typeof e.content.name === 'string' && e.unitId ? [{ name: e.content.name, unitId: e.unitId }] : [],
      );
      const fresh = createPlaceResolver({ units: tree, streets });
      resolvers.set(tree, { entries, resolver: fresh });
      return fresh;
    })());

  const store: ResidentStore = {
    events: createEventRepository(db, units, snapshot ? () => snapshot.events(db, versions!.event) : undefined),
    subscribers: createSubscriberRepository(db, units),
    recognitions: createPublicRecognitionRepository(db, units),
    info,
    places: {
      resolve: async (text, asOf) => (await placeResolver()).resolvePlace(text, { asOf }),
      resolveUnit: async (unitId, asOf) => resolutionForUnit(await units(), unitId, asOf),
      tree: units,
      unit: async (id) => (await units()).get(id),
    },
    tiers: {
      async list() {
        const rows = await db.tier.findMany({ orderBy: { rank: 'asc' } });
        return rows.map((t) => ({ code: t.code, label: t.labelVi, rank: t.rank, active: t.active, retiredOn: toIsoDate(t.retiredOn) }));
      },
    },
  };
  return { residents: store };
}
