import type { Translator, TranslateArgs } from '../../bot/i18n/translator.js';
import type { IsoDate } from '../../bot/domain/iso-date.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import { createScopePolicy } from '../../bot/domain/scope-policy.js';
import { currentSuccessors } from '../../bot/domain/unit-successors.js';
import type { Db } from '../../runtime/database.js';
import { loadTierCatalog, loadUnitTree } from '../store/unit-tree.repository.js';
import { UnknownUnitError } from './unknown-unit.error.js';

/** What an export covers: a unit's subtree (former units included through their successors) and a campaign year. */
export interface ExportRequest {
  unitId: string;
  year: number;
  /** Vietnam civil date "today": scope and successors are taken as of it. */
  today: IsoDate;
  /** Header and word language (default vi). */
  locale?: string;
}

/** Everything the table builders share, loaded once per export. */
export interface ExportContext {
  db: Db;
  request: Required<ExportRequest>;
  units: UnitTree;
  t(key: string, args?: TranslateArgs): string;
  /** True when the unit lies in the requested subtree today, or did before a merger. */
  inScope(unitId: string): boolean;
  /** The unit's name today: its own while it exists, else its successors' names joined by " / ". */
  successorName(unitId: string): string;
  /** The unit's own name (from the snapshot taken when the record was made, else the unit table). */
  nameAsOfRecord(unitId: string, snapshot: unknown): string;
}

export async function loadExportContext(db: Db, translator: Translator, request: ExportRequest): Promise<ExportContext> {
  const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
  if (!units.get(request.unitId)) throw new UnknownUnitError(request.unitId);
  const full: Required<ExportRequest> = { locale: 'vi', ...request };
  const scope = createScopePolicy({ units, tiers });
  const cache = new Map<string, boolean>();
  return {
    db,
    request: full,
    units,
    t: (key, args) => translator.t(full.locale, key, args),
    inScope(unitId) {
      let hit = cache.get(unitId);
      if (hit === undefined) cache.set(unitId, (hit = scope.unitWithinScope(unitId, full.unitId, full.today) !== false));
      return hit;
    },
    successorName(unitId) {
      const successors = currentSuccessors(units, unitId, full.today);
      return successors.length === 1 && successors[0]!.id === unitId ? units.get(unitId)!.name : successors.map((u) => u.name).join(' / ');
    },
    nameAsOfRecord(unitId, snapshot) {
      const name = (snapshot as { name?: unknown } | null)?.name;
      return typeof name === 'string' ? name : (units.get(unitId)?.name ?? unitId);
    },
  };
}
