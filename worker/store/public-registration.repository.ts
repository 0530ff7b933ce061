import type { RegistrationStatus } from '../../bot/domain/registration-status.js';
import type { Db } from '../../runtime/database.js';

/**
 * Statuses a staff member may mark public before recognition; mirrors
 * `isVisibleToResident` in bot/domain so the rule holds in the query, not after it.
 */
const MARKABLE_PUBLIC: readonly RegistrationStatus[] = ['accepted', 'under_evaluation', 'not_recognized', 'revoked'];

/** What residents may see: recognised registrations, or ones staff explicitly marked public. */
export async function findPublicRegistrations(db: Db, filter: { subjectUnitIds?: readonly string[]; year?: number } = {}) {
  return db.registration.findMany({
    where: {
      OR: [{ status: 'recognized' }, { markedPublic: true, status: { in: [...MARKABLE_PUBLIC] } }],
      ...(filter.subjectUnitIds ? { subjectUnitId: { in: [...filter.subjectUnitIds] } } : {}),
      ...(filter.year !== undefined ? { year: filter.year } : {}),
    },
    select: { id: true, code: true, year: true, title: true, category: true, field: true, status: true, subjectUnitId: true, unitSnapshot: true, recognitions: { where: { status: 'approved' }, select: { tierCode: true, issuerUnitId: true, decisionNo: true, decisionDate: true, year: true } } },
    orderBy: [{ year: 'desc' }, { code: 'asc' }],
  });
}
