import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { readExportFile, saveExportFile, takeExportFileOnce } from '../../../worker/exports/export-file.repository.js';

const t0 = new Date('2026-11-25T03:00:00Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3600_000);
const csv = { kind: 'document' as const, filename: 'dang-ky.csv', contentType: 'text/csv; charset=utf-8', bytes: Buffer.from('\ufeffMã hồ sơ\r\n', 'utf8') };

describe('export files: one-time links valid 24 hours', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a link works once; the attachment read does not use it up', async () => {
    const file = await saveExportFile(db.prisma, csv, t0);
    expect(file.fileId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await readExportFile(db.prisma, file.fileId, hours(1)))?.bytes.toString('utf8')).toBe('\ufeffMã hồ sơ\r\n');
    expect((await takeExportFileOnce(db.prisma, file.fileId, hours(2)))?.filename).toBe('dang-ky.csv');
    expect(await takeExportFileOnce(db.prisma, file.fileId, hours(2))).toBeNull();
  });

  it('nothing is served after 24 hours, and expired files are deleted when new ones come', async () => {
    const old = await saveExportFile(db.prisma, csv, t0);
    expect(await takeExportFileOnce(db.prisma, old.fileId, hours(24.01))).toBeNull();
    expect(await readExportFile(db.prisma, old.fileId, hours(24.01))).toBeNull();
    await saveExportFile(db.prisma, csv, hours(25));
    expect(await db.prisma.exportFile.findUnique({ where: { id: old.fileId } })).toBeNull();
  });
});
