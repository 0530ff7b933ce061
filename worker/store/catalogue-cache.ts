import type { UnitTree } from '../../bot/domain/unit-tree.js';
import type { Db } from '../../runtime/database.js';
import { loadUnitTree } from './unit-tree.repository.js';
import { createCatalogueSnapshots, type CatalogueSnapshots } from './catalogue-snapshot.js';

export interface CatalogueCacheOptions {
  /**
   * How long a loaded catalogue is trusted (default 60 s). Units change only with
   * the seed (a release step, possibly run by another process), so a process sees a
   * re-seed within this time; `invalidate()` makes it immediate in this process.
   */
  ttlMs?: number;
  /** Milliseconds now (default Date.now); tests move it. */
  now?: () => number;
}

/** Catalogues that change rarely, loaded once per process instead of once per turn. */
export interface CatalogueCache extends CatalogueSnapshots {
  /** The unit tree (units, dated parent edges, lineage), from `db` when not cached. */
  unitTree(db: Db): Promise<UnitTree>;
  /** Forget everything: the next call reloads. Call after writing units. */
  invalidate(): void;
}

/**
 * A resident's question about "phường Cửa Nam" needs the whole unit tree to resolve
 * the place; loading it costs three queries and building the tree on every turn.
 * One load per process (per TTL) instead; concurrent turns share the one load.
 */
export function createCatalogueCache(options: CatalogueCacheOptions = {}): CatalogueCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  let tree: { loadedAt: number; value: Promise<UnitTree> } | null = null;
  return {
    // Events and public information: checked against the version each turn read (catalogue-snapshot.ts).
    ...createCatalogueSnapshots(),
    unitTree(db) {
      if (tree && now() - tree.loadedAt < ttlMs) return tree.value;
      const entry = { loadedAt: now(), value: loadUnitTree(db) };
      tree = entry;
      // A failed load (the turn's transaction aborted) must not be served to the next turn.
      entry.value.catch(() => {
        if (tree === entry) tree = null;
      });
      return entry.value;
    },
    invalidate() {
      tree = null;
    },
  };
}
