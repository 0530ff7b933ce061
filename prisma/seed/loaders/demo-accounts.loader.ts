import type { SeedLoader } from '../seed-loader.js';

/**
 * Demo accounts for the console and tests, one per role, all in phường Cửa Nam.
 * FICTITIOUS people ("(demo)" in every name, 0900000xxx-style numbers that are not
 * assigned): never the officials or awardees named in the news.
 */
export const DEMO_ACCOUNTS = [
  { role: 'cadre', cadreId: 'demo-cadre-cuanam', name: 'Phạm Minh An (demo)', position: 'Bí thư Chi đoàn (tài khoản thử)', scope: 'hn-p-cuanam', tierCode: null },
  { role: 'reviewer', cadreId: 'demo-reviewer-cuanam', name: 'Lê Thu Bình (demo)', position: 'Cán bộ Ban Xây dựng Đảng phường (tài khoản thử)', scope: 'hn-p-cuanam', tierCode: null },
  { role: 'approver', cadreId: 'demo-approver-cuanam', name: 'Hoàng Văn Cường (demo)', position: 'Ủy viên Ban Thường vụ Đảng ủy phường (tài khoản thử)', scope: 'hn-p-cuanam', tierCode: 'xa' },
  { role: 'broadcaster', cadreId: 'demo-broadcaster-cuanam', name: 'Đỗ Thị Dung (demo)', position: 'Cán bộ thông tin phường (tài khoản thử)', scope: 'hn-p-cuanam', tierCode: null },
  { role: 'admin', cadreId: 'demo-admin', name: 'Vũ Quốc Em (demo)', position: 'Quản trị hệ thống (tài khoản thử)', scope: 'vn', tierCode: null },
] as const;

/** Console identities: `console:<id>`, as the console's POST /console/api/users creates them. */
export const DEMO_CONSOLE_USERS = [
  ...DEMO_ACCOUNTS.map((a) => ({ id: a.cadreId, role: a.role, cadreId: a.cadreId as string | null })),
  { id: 'demo-resident', role: 'resident', cadreId: null },
] as const;

export const demoAccountsLoader: SeedLoader = {
  name: 'demo-accounts',
  async load(prisma) {
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const data = {
        fullName: a.name.normalize('NFC'),
        position: a.position.normalize('NFC'),
        phoneE164: `+8490000000${i + 1}`,
        unitId: a.role === 'admin' ? 'hn-p-cuanam' : a.scope,
        status: 'active',
        demo: true,
      };
      await prisma.cadre.upsert({ where: { id: a.cadreId }, create: { id: a.cadreId, ...data }, update: data });
      const key = { cadreId: a.cadreId, role: a.role, scopeUnitId: a.scope };
      await prisma.cadreRole.upsert({
        where: { cadreId_role_scopeUnitId: key },
        create: { ...key, tierCode: a.tierCode },
        update: { tierCode: a.tierCode, suspended: false },
      });
    }
    for (const u of DEMO_CONSOLE_USERS) {
      const userId = `console:${u.id}`;
      const fields = { role: u.role, unitId: 'hn-p-cuanam', cadreId: u.cadreId, displayName: u.cadreId ? DEMO_ACCOUNTS.find((a) => a.cadreId === u.cadreId)!.name : 'Người dân (demo)' };
      await prisma.chatUser.upsert({
        where: { id: userId },
        create: { id: userId, channel: 'console', platformUserId: u.id, chatId: u.id, ...fields },
        update: fields,
      });
    }
    // An unused invite code for the link flow of domain §3.1 (demo; far-future expiry).
    const invite = { cadreId: 'demo-cadre-cuanam', createdBy: 'demo-admin', expiresAt: new Date('2099-12-31T00:00:00Z') };
    await prisma.inviteCode.upsert({ where: { code: 'DEMO01' }, create: { code: 'DEMO01', ...invite }, update: {} });
  },
};
