import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, flushNotifications, MARCH_10, registerModel, tap } from './cadre-e2e-helpers.js';

/** Reject with reason codes, request info, decline, nominate up, revoke (issue 7 item 4). */
describe('reviewers and approvers act by chat', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);
  const cadre = 'cb-minh';
  const englishCadre = 'cb-john';
  const reviewer = 'demo-reviewer-cuanam';
  const approver = 'demo-approver-cuanam';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
    await t.console.user(cadre, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await t.console.user(englishCadre, { role: 'cadre', unitId: 'hn-p-cuanam', locale: 'en' });
    await t.console.user(reviewer, { role: 'reviewer', unitId: 'hn-p-cuanam' });
    await t.console.user(approver, { role: 'approver', unitId: 'hn-p-cuanam' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const idOf = async (code: string) => (await t.db.prisma.registration.findUnique({ where: { code } }))!.id;
  async function inbox(user: string) {
    await flushNotifications(t);
    return (await t.console.replies(user))[0]!;
  }

  it('rejects only with one of the four reason codes; the cadre hears it in their language', async () => {
    await t.db.prisma.chatUser.update({ where: { id: `console:${englishCadre}` }, data: { locale: 'vi' } });
    const code = await registerModel(t, englishCadre, 'Khéo trong vận động bà con trồng cây xanh ven hồ');
    await t.db.prisma.chatUser.update({ where: { id: `console:${englishCadre}` }, data: { locale: 'en' } });
    await tap(t, reviewer, `rv:open:${await idOf(code)}`);
    let r = await tap(t, reviewer, 'rv:do:reject');
    expect(r.buttons.map((b) => b.label)).toEqual(['Trùng lặp', 'Không thuộc phạm vi', 'Không phải mô hình dân vận', 'Sai đơn vị']);
    r = await ask(t, reviewer, 'vì sao cũng được');
    expect(r.text).toContain('Cần chọn lý do không tiếp nhận');
    r = await ask(t, reviewer, '3');
    expect(r.text).toContain(`Đã ghi nhận không tiếp nhận hồ sơ ${code}`);
    const notice = await inbox(englishCadre);
    expect(notice.text).toContain(`Registration ${code}`);
    expect(notice.text).toContain('Not a mass-mobilisation model');
    const note = await t.db.prisma.registrationNote.findFirst({ where: { registrationId: await idOf(code), event: 'reject' } });
    expect(note!.comment).toBe('khong_phai_mo_hinh_dan_van');
  });

  it('requests more evidence during evaluation, then the approver declines with a reason', async () => {
    const code = await registerModel(t, cadre, 'Khéo trong vận động hộ dân lắp camera an ninh ngõ phố');
    const id = await idOf(code);
    await ask(t, reviewer, `tiếp nhận ${code}`);
    await inbox(cadre);
    await tap(t, reviewer, `rv:open:${id}`);
    await tap(t, reviewer, 'rv:do:open_evaluation');
    await inbox(cadre);
    await tap(t, reviewer, `rv:open:${id}`);
    let r = await tap(t, reviewer, 'rv:do:request_info');
    r = await ask(t, reviewer, 'Cần ảnh camera đã lắp và biên bản họp tổ');
    expect(r.text).toContain(`Đã yêu cầu bổ sung minh chứng cho hồ sơ ${code}`);
    expect((await inbox(cadre)).text).toContain('cần bổ sung minh chứng: "Cần ảnh camera đã lắp và biên bản họp tổ"');
    expect((await t.db.prisma.registration.findUnique({ where: { id } }))!.status).toBe('accepted');

    await tap(t, reviewer, `rv:open:${id}`);
    await tap(t, reviewer, 'rv:do:open_evaluation');
    await inbox(cadre);
    r = await tap(t, approver, `rv:open:${id}`);
    r = await tap(t, approver, 'rv:do:decline');
    r = await ask(t, approver, 'Chưa có kết quả đo được sau 6 tháng');
    expect(r.text).toContain(`Đã ghi nhận không công nhận hồ sơ ${code}`);
    expect((await inbox(cadre)).text).toContain('chưa được công nhận năm 2026. Lý do: Chưa có kết quả đo được sau 6 tháng');
    const status = await ask(t, cadre, `tra cứu ${code}`);
    expect(status.text).toContain('Chưa được công nhận năm 2026');
  });

  it('recognises, nominates up to a higher tier, then revokes with a decision reference', async () => {
    const code = await registerModel(t, cadre, 'Khéo trong vận động người dân hiến đất làm đường ngõ');
    const id = await idOf(code);
    await ask(t, reviewer, `tiếp nhận ${code}`);
    await tap(t, reviewer, `rv:open:${id}`);
    await tap(t, reviewer, 'rv:do:open_evaluation');
    let r = await tap(t, reviewer, `rv:open:${id}`);
    expect(r.buttons.map((b) => b.value)).not.toContain('rv:do:recognize');

    await tap(t, approver, `rv:open:${id}`);
    await tap(t, approver, 'rv:do:recognize');
    r = await ask(t, approver, '125-QĐ/ĐU');
    expect(r.text).not.toContain('không theo mẫu');
    r = await ask(t, approver, '9/3/2026');
    expect(r.text).toContain(`Đã ghi nhận công nhận hồ sơ ${code}`);

    r = await tap(t, approver, `rv:open:${id}`);
    expect(r.buttons.map((b) => b.value)).toEqual(expect.arrayContaining(['rv:do:nominate_up', 'rv:do:revoke']));
    r = await tap(t, approver, 'rv:do:nominate_up');
    expect(r.buttons.map((b) => b.value)).toEqual(['rv:tier:trung_uong', 'rv:tier:tinh']);
    r = await tap(t, approver, 'rv:tier:tinh');
    expect(r.text).toContain(`Đã gửi đề nghị cấp trên cho hồ sơ ${code}`);
    const nomination = await t.db.prisma.nomination.findFirst({ where: { fromRecognition: { registrationId: id } } });
    expect(nomination).toMatchObject({ toTierCode: 'tinh', outcome: 'pending' });

    await tap(t, approver, `rv:open:${id}`);
    await tap(t, approver, 'rv:do:revoke');
    r = await ask(t, approver, 'Phát hiện số liệu báo cáo không đúng thực tế');
    expect(r.text).toContain('Số văn bản thu hồi');
    r = await ask(t, approver, '131-QĐ/ĐU');
    expect(r.text).toContain(`Đã thu hồi công nhận hồ sơ ${code}`);
    expect((await t.db.prisma.registration.findUnique({ where: { id } }))!.status).toBe('revoked');
    const actions = (await t.db.prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions.slice(-3)).toEqual(['registration.recognize', 'registration.nominate_up', 'registration.revoke']);
  });

  it('a cadre cannot act as a reviewer', async () => {
    const r = await tap(t, cadre, 'menu:review');
    expect(r.text).toContain('dành cho bộ phận tiếp nhận');
  });
});
