import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, auditTrail } from '../../../worker/store/audit-log.repository.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

describe('audit log is append-only (PostgreSQL trigger)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await appendAudit(db.prisma, {
      at: new Date('2026-11-23T03:00:00Z'),
      actor: 'cadre:demo-reviewer-cuanam',
      action: 'registration.accept',
      entityType: 'registration',
      entityId: 'r-audit',
      before: { status: 'submitted' },
      after: { status: 'accepted' },
      channel: 'zalo-oa',
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps who, when, before, after and channel', async () => {
    expect(await auditTrail(db.prisma, 'registration', 'r-audit')).toMatchObject([
      { actor: 'cadre:demo-reviewer-cuanam', at: new Date('2026-11-23T03:00:00Z'), before: { status: 'submitted' }, after: { status: 'accepted' }, channel: 'zalo-oa' },
    ]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, through Prisma and raw SQL', async () => {
    await expect(db.prisma.auditLog.updateMany({ data: { actor: 'someone else' } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('UPDATE audit_log SET "after" = NULL')).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditLog.count()).toBe(1);
    expect((await db.prisma.auditLog.findFirstOrThrow()).actor).toBe('cadre:demo-reviewer-cuanam');
  });
});
