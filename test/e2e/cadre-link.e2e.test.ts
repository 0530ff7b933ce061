import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, buttonValue, MARCH_10, tap } from './cadre-e2e-helpers.js';

/** Account linking by one-time invite code (issue 7 item 1). */
describe('cadre links a chat account with an invite code', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
    const db = t.db.prisma;
    await db.cadre.create({ data: { id: 'cb-lan', fullName: 'Nguyễn Thị Lan', position: 'Bí thư Đoàn phường', phoneE164: '+84912345678', unitId: 'hn-p-cuanam', status: 'active' } });
    await db.cadreRole.create({ data: { cadreId: 'cb-lan', role: 'cadre', scopeUnitId: 'hn-p-cuanam' } });
    await db.cadre.create({ data: { id: 'cb-old', fullName: 'Lê Văn Hải', position: 'Bí thư chi bộ', unitId: 'hk-hangtrong', status: 'active' } });
    await db.cadreRole.create({ data: { cadreId: 'cb-old', role: 'cadre', scopeUnitId: 'hk-hangtrong' } });
    await db.inviteCode.createMany({
      data: [
        { code: 'K7P2QX', cadreId: 'cb-lan', expiresAt: new Date('2026-03-20T00:00:00Z') },
        { code: 'OLD123', cadreId: 'cb-lan', expiresAt: new Date('2026-03-01T00:00:00Z') },
        { code: 'HTRONG', cadreId: 'cb-old', expiresAt: new Date('2026-03-20T00:00:00Z') },
      ],
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('never trusts a typed phone number, refuses expired codes, and asks "is this you?"', async () => {
    const me = 'lan-phone';
    await t.console.user(me);
    let r = await ask(t, me, 'dk mo hinh dan van kheo');
    expect(r.text).toContain('nhập MÃ MỜI');
    r = await ask(t, me, '0912345678');
    expect(r.text).toContain('Mã mời không đúng');
    r = await ask(t, me, 'OLD123');
    expect(r.text).toContain('đã hết hạn');
    r = await ask(t, me, 'k7p2 qx');
    expect(r.text).toContain('Nguyễn Thị Lan – Bí thư Đoàn phường, đơn vị: Cửa Nam');
    expect(r.buttons.map((b) => b.label)).toEqual(['Đúng', 'Không phải tôi']);
    r = await ask(t, me, 'không phải tôi');
    expect(r.text).toContain('chưa được gắn với hồ sơ nào');
    expect((await t.db.prisma.chatUser.findUnique({ where: { id: `console:${me}` } }))!.cadreId).toBeNull();
    expect((await t.db.prisma.inviteCode.findUnique({ where: { code: 'K7P2QX' } }))!.usedAt).toBeNull();
  });

  it('links on "đúng", continues into the registration, and the code is single use', async () => {
    const me = 'lan';
    await t.console.user(me);
    let r = await ask(t, me, 'em muốn đăng ký mô hình');
    r = await ask(t, me, 'K7P2QX');
    r = await ask(t, me, 'dung r');
    expect(r.text).toContain('Đã liên kết tài khoản với hồ sơ cán bộ Nguyễn Thị Lan');
    expect(r.text).toContain('Bước 1/7');
    const user = await t.db.prisma.chatUser.findUnique({ where: { id: `console:${me}` } });
    expect(user).toMatchObject({ cadreId: 'cb-lan', role: 'cadre', unitId: 'hn-p-cuanam' });
    expect((await t.db.prisma.inviteCode.findUnique({ where: { code: 'K7P2QX' } }))!.usedByUserId).toBe(`console:${me}`);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'account.link', entityId: 'cb-lan' } })).toBe(1);

    const other = 'lan-again';
    await t.console.user(other);
    await ask(t, other, 'liên kết tài khoản');
    r = await ask(t, other, 'K7P2QX');
    expect(r.text).toContain('đã được dùng');
  });

  it('locks linking for 15 minutes after five wrong codes', async () => {
    const me = 'guesser';
    await t.console.user(me);
    await ask(t, me, 'mã mời');
    for (const code of ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD']) expect((await ask(t, me, code)).text).toContain('Mã mời không đúng');
    let r = await ask(t, me, 'EEEEEE');
    expect(r.text).toContain('tạm khóa đến 09:15');
    r = await ask(t, me, 'liên kết tài khoản');
    expect(r.text).toContain('tạm khóa đến 09:15');
    clock.advance(16 * 60 * 1000);
    try {
      r = await ask(t, me, 'liên kết tài khoản');
      expect(r.text).toContain('nhập MÃ MỜI');
    } finally {
      clock.set(MARCH_10);
    }
  });

  it('a cadre of an abolished unit picks the successor; roles wait for staff', async () => {
    const me = 'hai';
    await t.console.user(me);
    await ask(t, me, 'liên kết tài khoản');
    await ask(t, me, 'HTRONG');
    let r = await ask(t, me, 'đúng');
    expect(r.text).toContain('Đơn vị «Hàng Trống» của đồng chí đã được sắp xếp lại');
    expect(r.buttons.map((b) => b.label).sort()).toEqual(['Cửa Nam', 'Hoàn Kiếm']);
    r = await tap(t, me, 'link:unit:hn-p-cuanam');
    expect(r.text).toContain('Đã ghi nhận đơn vị mới: Cửa Nam');
    expect(r.text).toContain('tạm dừng');
    const roles = await t.db.prisma.cadreRole.findMany({ where: { cadreId: 'cb-old' } });
    expect(roles.every((x) => x.suspended)).toBe(true);
    expect((await t.db.prisma.cadre.findUnique({ where: { id: 'cb-old' } }))!.unitId).toBe('hn-p-cuanam');
    r = await ask(t, me, 'đăng ký mô hình');
    expect(r.text).toContain('tạm dừng chờ bộ phận dân vận xác nhận');

    // The reviewer of the new unit is asked by chat and confirms; the cadre is told.
    const reviewer = 'demo-reviewer-cuanam';
    const [ask1] = await t.console.replies(reviewer, 1);
    expect(ask1!.text).toContain('Lê Văn Hải');
    expect(ask1!.text).toContain('Hàng Trống');
    const outsider = 'rebind-outsider';
    await t.console.user(outsider, { role: 'cadre', unitId: 'hn-p-cuanam' });
    expect((await tap(t, outsider, buttonValue(ask1!, 'Xác nhận'))).text).toContain('không có quyền');
    r = await tap(t, reviewer, buttonValue(ask1!, 'Xác nhận'));
    expect(r.text).toContain('Đã xác nhận Lê Văn Hải thuộc Cửa Nam');
    const [told] = await t.console.replies(me, 1);
    expect(told!.text).toContain('đã xác nhận đơn vị mới');
    const after = await t.db.prisma.cadreRole.findMany({ where: { cadreId: 'cb-old' } });
    expect(after.map((x) => [x.role, x.scopeUnitId, x.suspended])).toEqual([['cadre', 'hn-p-cuanam', false]]);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'cadre.successor_unit_confirmed', entityId: 'cb-old' } })).toBe(1);
    r = await ask(t, me, 'đăng ký mô hình');
    expect(r.text).not.toContain('tạm dừng');
  });
});
