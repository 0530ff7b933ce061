import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, buttonValue, MARCH_10, registerModel, tap } from './cadre-e2e-helpers.js';

/** Status, code lookup with scope refusal, fuzzy titles, reports and withdrawal (issue 7 item 3). */
describe('cadre follows, reports on and withdraws registrations', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);
  const me = 'demo-cadre-cuanam';
  const reviewer = 'demo-reviewer-cuanam';
  const outsider = 'cb-hoankiem';
  let accepted = '';
  let pending = '';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await t.console.user(reviewer, { role: 'reviewer', unitId: 'hn-p-cuanam' });
    await t.console.user(outsider, { role: 'cadre', unitId: 'hn-p-hoankiem' });
    accepted = await registerModel(t, me, 'Khéo trong vận động thanh niên hướng dẫn khách tại di tích');
    pending = await registerModel(t, me, 'Khéo trong vận động phụ nữ nấu cơm cho bệnh nhân nghèo');
    await ask(t, reviewer, `tiếp nhận ${accepted}`);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists my registrations with the §3.2 wording, the next step and the comment', async () => {
    const r = await ask(t, me, 'ho so cua em toi dau roi a');
    expect(r.text).toContain('Đồng chí là người liên hệ của 3 hồ sơ năm 2026');
    expect(r.text).toContain('DVK-2026-CN-042');
    expect(r.text).toContain('CẦN BỔ SUNG');
    expect(r.text).toContain('Góp ý: "Bổ sung tiêu chí đánh giá và số hộ tham gia."');
    expect(r.text).toContain('ĐÃ TIẾP NHẬN – ĐANG TRIỂN KHAI');
    expect(r.text).toContain('nộp báo cáo sơ kết 6 tháng trước 15/06/2026');
    expect(r.text).toContain('CHỜ TIẾP NHẬN');
    expect(r.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Bổ sung hồ sơ 1']));
  });

  it('finds a registration by a few words of its title', async () => {
    const r = await ask(t, me, 'mô hình vỉa hè tới đâu rồi');
    expect(r.text).toContain('DVK-2026-CN-042');
    expect(r.text).toContain('Cần bổ sung');
  });

  it('looks a code up for the owning unit and reviewers in scope; others learn nothing', async () => {
    const mine = await ask(t, me, `tra cứu ${pending}`);
    expect(mine.text).toContain('Chờ tiếp nhận');
    const asReviewer = await ask(t, reviewer, `tra cứu ${pending}`);
    expect(asReviewer.text).toContain('Chờ tiếp nhận');
    const refused = await ask(t, outsider, `tra cứu ${pending}`);
    const unknown = await ask(t, outsider, 'tra cứu DVK-2026-CN-999');
    expect(refused.text).toContain('Không tìm thấy hồ sơ này trong phạm vi của đồng chí');
    expect(refused.text).toBe(unknown.text);
    expect(refused.text).not.toContain('phụ nữ');
  });

  it('refuses a report for a registration that is not accepted, with the reason', async () => {
    const r = await ask(t, me, 'nộp báo cáo sơ kết cho hồ sơ DVK-2026-CN-042');
    expect(r.text).toContain('Chỉ nộp báo cáo cho hồ sơ «Đã tiếp nhận»');
    expect(r.text).toContain('«Cần bổ sung»');
  });

  it('files a sơ kết report by slot-filling and switches its reminders off', async () => {
    const registration = await t.db.prisma.registration.findUnique({ where: { code: accepted } });
    await t.db.prisma.reminderRule.create({
      data: { id: 'rm-test-1', ownerUnitId: 'hn-p-cuanam', targetQuery: { registrationId: registration!.id, missingReportKind: 'so_ket_6_thang' }, dueAt: new Date('2026-06-15T01:00:00Z') },
    });
    let r = await ask(t, me, 'nop bc so ket');
    expect(r.text).toContain('Báo cáo cho hồ sơ nào');
    r = await tap(t, me, buttonValue(r, accepted));
    expect(r.text).toContain('Kết quả nổi bật');
    r = await ask(t, me, 'tốt lắm, bà con rất vui');
    expect(r.text).toContain('ít nhất một con số');
    r = await ask(t, me, '14 buổi thuyết minh, 620 lượt học sinh, 35 đoàn viên tham gia');
    expect(r.text).toContain('Khó khăn');
    r = await ask(t, me, 'ko');
    expect(r.text).toContain('Đề xuất');
    r = await ask(t, me, 'Đề nghị hỗ trợ thêm 2 loa cầm tay');
    expect(r.text).toContain(`Đã nộp báo cáo sơ kết 6 tháng cho hồ sơ ${accepted} (10/03/2026). Các nhắc hạn còn lại đã tắt.`);
    const report = await t.db.prisma.reportSubmission.findFirst({ where: { registrationId: registration!.id } });
    expect(report).toMatchObject({ kind: 'so_ket_6_thang', period: '2026-H1', difficulties: null, proposals: 'Đề nghị hỗ trợ thêm 2 loa cầm tay', late: false });
    expect((report!.metrics as Array<{ value: number }>).map((m) => m.value)).toEqual([14, 620, 35]);
    expect((await t.db.prisma.reminderRule.findUnique({ where: { id: 'rm-test-1' } }))!.active).toBe(false);
  });

  it('allows one report per kind and period', async () => {
    const r = await ask(t, me, `nộp báo cáo sơ kết ${accepted}`);
    expect(r.text).toContain('đã được nộp rồi');
  });

  it('withdraws after confirming which one; "không rút" keeps it', async () => {
    let r = await ask(t, me, `rút hồ sơ ${pending}`);
    expect(r.text).toContain(`Rút hồ sơ ${pending}`);
    r = await ask(t, me, 'không rút');
    expect(r.text).toContain(`Đã giữ nguyên hồ sơ ${pending}`);
    r = await ask(t, me, 'em muốn rút hồ sơ mô hình nấu cơm cho bệnh nhân');
    expect(r.text).toContain(`Rút hồ sơ ${pending}`);
    r = await ask(t, me, 'rút hồ sơ');
    expect(r.text).toContain(`Đã rút hồ sơ ${pending}`);
    expect((await t.db.prisma.registration.findUnique({ where: { code: pending } }))!.status).toBe('withdrawn');
  });

  it('refuses to withdraw once evaluation has started', async () => {
    const id = (await t.db.prisma.registration.findUnique({ where: { code: accepted } }))!.id;
    await tap(t, reviewer, `rv:open:${id}`);
    await tap(t, reviewer, 'rv:do:open_evaluation');
    let r = await ask(t, me, `rút hồ sơ ${accepted}`);
    r = await tap(t, me, 'wd:yes');
    expect(r.text).toContain('đang được thẩm định nên không rút được');
    expect((await t.db.prisma.registration.findUnique({ where: { code: accepted } }))!.status).toBe('under_evaluation');
  });
});
