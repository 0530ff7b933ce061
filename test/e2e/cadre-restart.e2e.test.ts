import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, MARCH_10, tap } from './cadre-e2e-helpers.js';

/**
 * The draft lives in PostgreSQL (conversation_state, versioned): stopping the worker in
 * the middle of a registration and starting it again loses nothing the cadre typed, and
 * two messages arriving together never corrupt it.
 */
describe('a registration survives a worker restart', () => {
  let db: TestDatabase;
  let t: TestApp;
  const clock = manualClock(MARCH_10);
  const me = 'cb-restart';

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({ clock, database: db });
    await runSeed(db.prisma);
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  it('continues after a restart in the middle of the flow', async () => {
    await ask(t, me, 'đăng ký mô hình');
    await ask(t, me, 'Khéo trong vận động người dân giữ gìn nhà văn hóa tổ dân phố');
    await tap(t, me, 'cat:cong_trinh');
    await tap(t, me, 'subj:own');
    let r = await ask(t, me, 'Nhà văn hóa tổ dân phố số 6, ngõ 20 phố Hàng Bông');
    expect(r.text).toContain('Bước 4/7');

    await t.stop();
    t = await startTestApp({ clock, database: db });
    await t.console.replies(me, 1); // the new console client first reads the history

    r = await ask(t, me, 'pccc');
    expect(r.text).toContain('Bước 5/7');
    r = await ask(t, me, '15/1');
    r = await ask(t, me, 'Bà con góp công sửa mái, lắp bình chữa cháy, lập lịch trực và mở cửa cho thiếu nhi đọc sách.');
    r = await tap(t, me, 'contact:ok');
    expect(r.text).toContain('TÓM TẮT');
    expect(r.text).toContain('Khéo trong vận động người dân giữ gìn nhà văn hóa tổ dân phố');
    expect(r.text).toContain('Công trình – Tập thể: Cửa Nam');
    expect(r.text).toContain('Địa điểm: Nhà văn hóa tổ dân phố số 6, ngõ 20 phố Hàng Bông');
    expect(r.text).toContain('15/01/2026');
    r = await tap(t, me, 'reg:submit');
    expect(r.text).toContain('Đã GỬI thành công');
    const row = await db.prisma.registration.findFirst({ where: { createdByCadreId: `console-${me}`, status: 'submitted' } });
    expect(row).toMatchObject({ category: 'cong_trinh', field: 'quoc_phong_an_ninh', location: 'Nhà văn hóa tổ dân phố số 6, ngõ 20 phố Hàng Bông' });
  });

  it('handles two messages arriving together one after the other, without corrupting the draft', async () => {
    const other = 'cb-twice';
    await t.console.user(other, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await ask(t, other, 'đăng ký mô hình');
    const before = await db.prisma.conversationState.findUnique({ where: { userId: `console:${other}` } });
    await Promise.all([t.console.send(other, 'Khéo trong vận động học sinh đi học an toàn'), t.console.send(other, 'giải pháp')]);
    const replies = await t.console.replies(other, 2);
    expect(replies).toHaveLength(2);
    const after = await db.prisma.conversationState.findUnique({ where: { userId: `console:${other}` } });
    expect(after!.version).toBe(before!.version + 2);
    const draft = (after!.data as { draft: { title: string } }).draft;
    expect(draft.title).toBe('Khéo trong vận động học sinh đi học an toàn');
  });
});
