import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, buttonValue, flushNotifications, MARCH_10, registerModel, tap } from './cadre-e2e-helpers.js';

/**
 * Issue 7 "done when": a registration goes from the first message to `recognized`
 * entirely by chat among a cadre, a reviewer and an approver; the cadre hears of every
 * step, and the audit log shows every transition.
 */
describe('from first message to recognized, by chat', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);
  const cadre = 'cb-an';
  const reviewer = 'demo-reviewer-cuanam';
  const approver = 'demo-approver-cuanam';
  let code = '';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
    await t.console.user(cadre, { role: 'cadre', unitId: 'hn-p-cuanam', displayName: 'Trần Văn An' });
    await t.console.user(reviewer, { role: 'reviewer', unitId: 'hn-p-cuanam' });
    await t.console.user(approver, { role: 'approver', unitId: 'hn-p-cuanam' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The notifications the cadre received since the last call, as the console shows them. */
  async function cadreInbox(count = 1) {
    await flushNotifications(t);
    return t.console.replies(cadre, count);
  }

  it('cadre registers; the reviewer is told and finds it in the queue', async () => {
    code = await registerModel(t, cadre, 'Khéo trong vận động người dân giữ vỉa hè thông thoáng', 'Tổ dân phố họp dân, các hộ kinh doanh tự cam kết để lối đi cho người đi bộ, kiểm tra hằng tuần.');
    await flushNotifications(t);
    const [told] = await t.console.replies(reviewer);
    expect(told!.text).toContain(`Có hồ sơ mới chờ tiếp nhận: ${code}`);
    const queue = await tap(t, reviewer, 'menu:review');
    expect(queue.text).toContain(code);
    const card = await tap(t, reviewer, buttonValue(queue, code));
    expect(card.text).toContain('Chờ tiếp nhận');
    expect(card.buttons.map((b) => b.label)).toEqual(['Tiếp nhận', 'Trả lại để bổ sung', 'Không tiếp nhận']);
  });

  it('reviewer returns it with a required comment; the cadre sees the comment', async () => {
    let r = await tap(t, reviewer, 'rv:do:return');
    expect(r.text).toContain('Góp ý cho cán bộ');
    r = await ask(t, reviewer, 'ok');
    expect(r.text).toContain('Cần ghi góp ý cụ thể');
    r = await ask(t, reviewer, 'Đề nghị bổ sung tiêu chí đánh giá và số hộ tham gia cam kết.');
    expect(r.text).toContain(`Đã trả lại hồ sơ ${code} kèm góp ý`);
    const [notice] = await cadreInbox();
    expect(notice!.text).toContain(`Hồ sơ ${code}`);
    expect(notice!.text).toContain('cần BỔ SUNG');
    expect(notice!.text).toContain('bổ sung tiêu chí đánh giá và số hộ tham gia');
  });

  it('cadre lists their registrations, revises only what was asked and resubmits', async () => {
    let r = await ask(t, cadre, 'hồ sơ mô hình của đơn vị em duyệt tới đâu rồi ạ');
    expect(r.text).toContain('CẦN BỔ SUNG');
    expect(r.text).toContain('Góp ý: "Đề nghị bổ sung tiêu chí đánh giá và số hộ tham gia cam kết."');
    r = await tap(t, cadre, buttonValue(r, 'Bổ sung hồ sơ'));
    expect(r.text).toContain('Cần bổ sung: tiêu chí đánh giá, số hộ, số người tham gia và địa bàn');
    expect(r.text).toContain('Đồng chí nhập tiêu chí đánh giá');
    r = await ask(t, cadre, 'Vỉa hè thông thoáng 100% các buổi kiểm tra; không tái lấn chiếm');
    expect(r.text).toContain('số hộ, số người tham gia');
    r = await ask(t, cadre, '42 hộ kinh doanh trên 3 tuyến phố cam kết');
    expect(r.text).toContain(`Đã gửi lại hồ sơ ${code}. Trạng thái: Chờ tiếp nhận`);
    const row = await t.db.prisma.registration.findUnique({ where: { code } });
    expect(row).toMatchObject({ status: 'submitted', goalsAndCriteria: 'Vỉa hè thông thoáng 100% các buổi kiểm tra; không tái lấn chiếm', scopeAndBeneficiaries: '42 hộ kinh doanh trên 3 tuyến phố cam kết' });
  });

  it('reviewer accepts by a typed command; the cadre is told the next step', async () => {
    await flushNotifications(t);
    await t.console.replies(reviewer);
    const r = await ask(t, reviewer, `tiếp nhận ${code.toLowerCase()}`);
    expect(r.text).toContain(`Đã tiếp nhận hồ sơ ${code}`);
    const [notice] = await cadreInbox();
    expect(notice!.text).toContain('đã được TIẾP NHẬN');
    const status = await ask(t, cadre, `tra cứu ${code}`);
    expect(status.text).toContain('Đã tiếp nhận – đang triển khai');
    expect(status.text).toContain('nộp báo cáo sơ kết 6 tháng trước 15/06/2026');
  });

  it('reviewer opens the evaluation and records it against the rubric', async () => {
    let r = await tap(t, reviewer, 'menu:review');
    r = await tap(t, reviewer, buttonValue(r, code));
    expect(r.buttons.map((b) => b.value)).toContain('rv:do:open_evaluation');
    r = await tap(t, reviewer, 'rv:do:open_evaluation');
    expect(r.text).toContain(`Đã chuyển hồ sơ ${code} sang thẩm định`);
    expect((await cadreInbox())[0]!.text).toContain('đang được THẨM ĐỊNH');

    r = await tap(t, reviewer, `rv:open:${(await t.db.prisma.registration.findUnique({ where: { code } }))!.id}`);
    r = await tap(t, reviewer, 'rv:do:record_evaluation');
    expect(r.text).toContain('Tiêu chí 1/6 – Sáng tạo, mới');
    r = await ask(t, reviewer, '11');
    expect(r.text).toContain('từ 0 đến 10');
    for (const score of ['8', '9', '9', '7', '8', '9']) r = await ask(t, reviewer, score);
    expect(r.text).toContain('Tổng điểm 50/60');
    r = await ask(t, reviewer, 'Đạt');
    r = await ask(t, reviewer, 'Mô hình thiết thực, dân đồng tình');
    expect(r.text).toContain(`Đã ghi kết quả thẩm định hồ sơ ${code}`);
    expect((await cadreInbox())[0]!.text).toContain('kết quả thẩm định');
    const evaluation = await t.db.prisma.evaluation.findFirst({ where: { registration: { code } } });
    expect(evaluation).toMatchObject({ total: 50, verdict: 'dat', method: 'ho_so' });
  });

  it('approver recognises at their own tier; an odd decision number only warns', async () => {
    let r = await tap(t, approver, 'menu:review');
    r = await tap(t, approver, buttonValue(r, code));
    expect(r.buttons.map((b) => b.value)).toEqual(expect.arrayContaining(['rv:do:recognize', 'rv:do:decline']));
    r = await tap(t, approver, 'rv:do:recognize');
    expect(r.text).toContain('Công nhận cấp xã/phường (cơ sở) – cơ quan ban hành: Cửa Nam');
    r = await ask(t, approver, 'so 125 dang uy');
    expect(r.text).toContain('không theo mẫu thường gặp');
    expect(r.text).toContain('Ngày quyết định');
    r = await ask(t, approver, '09/03/2026');
    expect(r.text).toContain(`Đã ghi nhận công nhận hồ sơ ${code}`);
    expect(r.text).toContain('không theo mẫu thường gặp');
    const [notice] = await cadreInbox();
    expect(notice!.text).toContain('đã được CÔNG NHẬN cấp xã/phường (cơ sở) (QĐ số SO 125 DANG UY, ngày 09/03/2026)');

    const status = await ask(t, cadre, `tra cứu ${code}`);
    expect(status.text).toContain('Đã được công nhận cấp xã/phường (cơ sở) (QĐ số SO 125 DANG UY, ngày 09/03/2026)');
  });

  it('the audit log shows every transition, each by the person who made it', async () => {
    const row = await t.db.prisma.registration.findUnique({ where: { code } });
    expect(row!.status).toBe('recognized');
    const audit = await t.db.prisma.auditLog.findMany({ where: { entityType: 'registration', entityId: row!.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'registration.create',
      'registration.submit',
      'registration.return',
      'registration.revise_fields',
      'registration.resubmit',
      'registration.accept',
      'registration.open_evaluation',
      'registration.record_evaluation',
      'registration.recognize',
    ]);
    expect(audit.find((a) => a.action === 'registration.accept')!.actor).toBe('cadre:demo-reviewer-cuanam');
    expect(audit.find((a) => a.action === 'registration.recognize')!.actor).toBe('cadre:demo-approver-cuanam');
    expect(audit.every((a) => a.channel === 'console')).toBe(true);
  });
});
