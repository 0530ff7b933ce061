import type { PublicRecognitionRepository } from '../../bot/features/residents/resident-services.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import { subtreeIds } from '../../bot/features/residents/unit-scope.js';
import type { Db } from '../../runtime/database.js';

/**
 * The public list of recognised models: only `recognized` registrations, never drafts,
 * submissions under review or declined ones (domain §2.2). The subject's unit is judged
 * as of the recognition year, so a 2022 model of phường Hàng Bồ counts under the old
 * district and, through lineage, under today's ward.
 */
export function createPublicRecognitionRepository(db: Db, units: () => Promise<UnitTree>): PublicRecognitionRepository {
  return {
    async listUnder(unitIds, asOf, limit) {
      const tree = await units();
      const roots = new Set(unitIds);
      // A current ward also owns what its predecessors recognised before the merger.
      for (const id of unitIds) for (const p of tree.get(id)?.predecessors ?? []) roots.add(p.unitId);
      const scope = subtreeIds(tree, [...roots], asOf);
      const rows = await db.registration.findMany({
        where: { status: 'recognized', deletedAt: null, subjectUnitId: { in: [...scope] } },
        include: { recognitions: { where: { status: 'approved' }, include: { tier: true } }, subjectUnit: true },
        orderBy: [{ year: 'desc' }, { code: 'asc' }],
      });
      const items = rows.slice(0, limit).map((r) => {
        const best = [...r.recognitions].sort((a, b) => a.tier.rank - b.tier.rank)[0];
        return {
          code: r.code,
          title: r.title ?? '',
          year: r.year,
          subjectName: r.personName ?? r.subjectUnit.name,
          tierLabel: best?.tier.labelVi ?? null,
        };
      });
      return { items, total: rows.length };
    },
  };
}
