import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../runtime/database.js';
import { runSeed } from '../../../prisma/seed/seed.js';
import { tiersLoader } from '../../../prisma/seed/loaders/tiers.loader.js';
import { unitsLoader } from '../../../prisma/seed/loaders/units.loader.js';
import { unitDetailsLoader } from '../../../prisma/seed/loaders/unit-details.loader.js';
import { demoAccountsLoader } from '../../../prisma/seed/loaders/demo-accounts.loader.js';
import type { RegistrationStatus } from '../../../bot/domain/registration-status.js';
import type { Role } from '../../../bot/domain/roles.js';

/** Units, tiers and the demo accounts: enough for transitions without the whole seed. */
export async function seedDomainBasics(prisma: PrismaClient): Promise<void> {
  await runSeed(prisma, { loaders: [tiersLoader, unitsLoader, unitDetailsLoader, demoAccountsLoader] });
}

/** Extra fictitious cadres for scope tests, besides the seeded demo accounts of phường Cửa Nam. */
const EXTRA: { id: string; role: Role; scope: string; tierCode?: string; mayDecline?: boolean; status?: string }[] = [
  { id: 'test-cadre-hk', role: 'cadre', scope: 'hn-p-hoankiem' },
  { id: 'test-reviewer-hk', role: 'reviewer', scope: 'hn-p-hoankiem' },
  { id: 'test-reviewer-cn-delegated', role: 'reviewer', scope: 'hn-p-cuanam', mayDecline: true },
  { id: 'test-approver-hk', role: 'approver', scope: 'hn-p-hoankiem', tierCode: 'xa' },
  { id: 'test-approver-hn', role: 'approver', scope: 'hn', tierCode: 'tinh' },
  { id: 'test-cadre-suspended', role: 'cadre', scope: 'hn-p-cuanam', status: 'suspended' },
];

export async function seedExtraCadres(prisma: PrismaClient): Promise<void> {
  for (const c of EXTRA) {
    const data = { fullName: `Test ${c.id} (demo)`, unitId: c.scope, status: c.status ?? 'active', demo: true };
    await prisma.cadre.upsert({ where: { id: c.id }, create: { id: c.id, ...data }, update: data });
    const key = { cadreId: c.id, role: c.role, scopeUnitId: c.scope };
    await prisma.cadreRole.upsert({
      where: { cadreId_role_scopeUnitId: key },
      create: { ...key, tierCode: c.tierCode ?? null, mayDecline: c.mayDecline ?? false },
      update: {},
    });
  }
}

/** A complete registration of phường Cửa Nam in any status (recognised ones get a recognition). */
export async function insertRegistration(
  prisma: PrismaClient,
  status: RegistrationStatus,
  overrides: { subjectUnitId?: string; title?: string; year?: number; id?: string } = {},
): Promise<string> {
  const id = overrides.id ?? randomUUID();
  const title = overrides.title ?? `Thanh niên tuyên truyền văn hóa lịch sử trên nền tảng công nghệ ${id.slice(0, 8)}`;
  await prisma.registration.create({
    data: {
      id,
      code: status === 'draft' ? null : `DVK-2026-T${id.slice(0, 4).replace(/[^0-9]/g, '0')}-${String(Math.floor(Math.random() * 900_000) + 1000)}`,
      year: overrides.year ?? 2026,
      category: 'mo_hinh',
      subjectType: 'tap_the',
      subjectUnitId: overrides.subjectUnitId ?? 'hn-p-cuanam',
      title,
      titleFolded: title,
      field: 'van_hoa_xa_hoi',
      summary: 'Chi đoàn dùng mã QR tại các di tích, đoàn viên thuyết minh cuối tuần cho khách và học sinh.',
      status,
      contactCadreId: 'demo-cadre-cuanam',
      createdByCadreId: 'demo-cadre-cuanam',
    },
  });
  if (status === 'recognized') {
    await prisma.recognition.create({
      data: { id: `${id}-rec`, registrationId: id, tierCode: 'xa', issuerUnitId: 'hn-p-cuanam', decisionNo: '12-QĐ/ĐU', decisionDate: new Date('2026-10-15T00:00:00Z'), year: 2026 },
    });
  }
  return id;
}
