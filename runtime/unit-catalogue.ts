import type { UnitTree } from '../bot/domain/unit-tree.js';
import { loadUnitTree } from '../worker/store/unit-tree.repository.js';
import type { PrismaClient } from './database.js';
import type { Logger } from './logger.js';

export interface UnitCatalogueOptions {
  prisma: PrismaClient;
  logger?: Logger;
  /** How old the cached tree may get before the next read reloads it in the background; default 5 minutes. */
  maxAgeMs?: number;
  /** The same while the table is still empty (a database seeded after start-up); default 2 seconds. */
  emptyMaxAgeMs?: number;
  now?: () => number;
}

export interface UnitCatalogue {
  /** The cached tree (undefined until the first load finishes); a stale one starts a reload and is still returned. */
  current(): UnitTree | undefined;
  /** Loads now; resolves when the tree is in the cache. */
  refresh(): Promise<UnitTree | undefined>;
}

/**
 * The unit names and aliases the NLU resolves places against (`slots.placeUnit`), read from PostgreSQL and cached:
 * `understand` runs for every message and must not wait on the database, so reads return the cached tree and a
 * stale one is reloaded in the background (no timer: an idle process makes no queries). Units change rarely
 * (mergers, the seed), so minutes of staleness are fine; until the table has rows it is checked every 2 s.
 */
export function createUnitCatalogue(options: UnitCatalogueOptions): UnitCatalogue {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? 5 * 60_000;
  const emptyMaxAge = options.emptyMaxAgeMs ?? 2_000;
  let tree: UnitTree | undefined;
  let loadedAt = -Infinity;
  let loading: Promise<UnitTree | undefined> | null = null;

  function refresh(): Promise<UnitTree | undefined> {
    loading ??= loadUnitTree(options.prisma)
      .then((t) => {
        tree = t;
        return t;
      })
      .catch((error: unknown) => {
        options.logger?.warn({ err: error }, 'unit catalogue: reload failed, keeping the previous one');
        return tree;
      })
      .finally(() => {
        loadedAt = now();
        loading = null;
      });
    return loading;
  }

  return {
    refresh,
    current() {
      const empty = !tree || tree.all().length === 0;
      if (now() - loadedAt > (empty ? emptyMaxAge : maxAge)) void refresh();
      return tree;
    },
  };
}
