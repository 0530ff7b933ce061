import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../bot/core/clock.js';
import { createPrismaClient, type PrismaClient } from '../../../runtime/database.js';
import { allocateRegistrationCode, reserveRegistrationSequence } from '../../../worker/store/registration-code.allocator.js';
import { loadCadreActor } from '../../../worker/store/cadre.repository.js';
import { createRegistrationWorkflow } from '../../../worker/store/registration-workflow.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { NOW } from '../../bot/domain/domain-fixtures.js';
import { seedDomainBasics } from './store-fixtures.js';

/** Distinct, realistic titles so duplicate detection stays quiet for the concurrency test. */
const TOPICS = ['phòng cháy', 'vỉa hè', 'hiến máu', 'rác thải', 'khuyến học', 'an ninh', 'người cao tuổi', 'chuyển đổi số', 'cây xanh', 'bữa cơm'];
const title = (i: number) => `Khéo trong vận động ${TOPICS[i % 10]} tổ ${Math.floor(i / 10) + 1} số ${i} năm ${2026}`;

describe('registration codes under concurrency (PostgreSQL)', () => {
  let db: TestDatabase;
  let wide: PrismaClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    // A wider pool than the helper's so the 50 submissions really run side by side.
    wide = createPrismaClient(db.url, { maxConnections: 25 });
  });
  afterAll(async () => {
    await wide?.$disconnect();
    await db?.drop();
  });

  it('50 concurrent submissions get 50 distinct, gap-free codes', async () => {
    const workflow = createRegistrationWorkflow({ prisma: wide, clock: fixedClock(NOW) });
    const cadre = (await loadCadreActor(db.prisma, 'demo-cadre-cuanam'))!;
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const created = await workflow.create({
        actor: cadre,
        channel: 'console',
        subjectUnitId: 'hn-p-cuanam',
        year: 2026,
        fields: { title: `${title(i)} ${'x'.repeat(i % 3)}`, category: 'mo_hinh', subjectType: 'tap_the', field: 'kinh_te', summary: 'Mô tả đủ dài về vấn đề, cách làm và kết quả mong đợi của mô hình.' },
      });
      expect(created.ok).toBe(true);
      if (created.ok) ids.push(created.registrationId);
    }
    const results = await Promise.all(ids.map((registrationId) => workflow.fire({ actor: cadre, channel: 'telegram', registrationId, event: 'submit', payload: { confirmedNewModel: true } })));
    const codes = results.map((r) => (r.ok ? r.code : r.error.message));
    expect(new Set(codes).size).toBe(50);
    expect([...codes].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `DVK-2026-CN-${String(i + 1).padStart(3, '0')}`));
    const stored = await db.prisma.registration.findMany({ where: { id: { in: ids } }, select: { code: true, status: true } });
    expect(stored.every((r) => r.status === 'submitted')).toBe(true);
    expect(new Set(stored.map((r) => r.code)).size).toBe(50);
    expect(await db.prisma.auditLog.count({ where: { action: 'registration.submit', channel: 'telegram' } })).toBe(50);
  }, 60_000);

  it('the allocator alone is unique under 100 parallel calls, and reservations only move up', async () => {
    const codes = await Promise.all(Array.from({ length: 100 }, () => allocateRegistrationCode(wide, 2027, 'HK')));
    expect(new Set(codes).size).toBe(100);
    await reserveRegistrationSequence(db.prisma, 2027, 'HK', 40);
    expect(await allocateRegistrationCode(db.prisma, 2027, 'HK')).toBe('DVK-2027-HK-101');
    await reserveRegistrationSequence(db.prisma, 2027, 'TH', 7);
    expect(await allocateRegistrationCode(db.prisma, 2027, 'TH')).toBe('DVK-2027-TH-008');
  });

  it('a rolled-back submission gives its number back', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await allocateRegistrationCode(tx, 2028, 'CN');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await allocateRegistrationCode(db.prisma, 2028, 'CN')).toBe('DVK-2028-CN-001');
  });
});
