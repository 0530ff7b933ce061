import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, MARCH_10, registerModel, tap } from './cadre-e2e-helpers.js';

/**
 * Registering a model by chat (domain §3.1, issue 7 item 2), turn by turn through the
 * console, the queue and the worker, with the clock fixed in March 2026.
 */
describe('cadre registers a model by chat', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('walks the seven steps, suggests diacritics, edits one field, undoes it and submits', async () => {
    const me = 'demo-cadre-cuanam';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    let r = await ask(t, me, 'em muốn đăng ký mô hình dân vận khéo ạ');
    expect(r.text).toContain('Bước 1/7');

    r = await ask(t, me, 'kheo trong van dong nguoi dan phan loai rac tai nguon');
    expect(r.text).toContain('thêm dấu');
    expect(r.text).toContain('«Khéo trong vận động người dân phân loại rác tại nguồn»');
    expect(r.buttons.map((b) => b.label)).toEqual(['Giữ nguyên', 'Sửa lại']);

    r = await ask(t, me, 'giu nguyen');
    expect(r.text).toContain('Bước 2/7');
    expect(r.buttons).toHaveLength(4);

    r = await ask(t, me, '1');
    expect(r.text).toContain('Bước 3/7');
    expect(r.buttons[0]!.label).toBe('Tập thể: Cửa Nam');

    r = await ask(t, me, '1');
    expect(r.text).toContain('Bước 4/7');

    r = await ask(t, me, 'mảng văn hoá');
    expect(r.text).toContain('Bước 5/7');
    expect(r.text).toContain('2026');

    r = await ask(t, me, 'tu 1/3');
    expect(r.text).toContain('Bước 6/7');

    r = await ask(t, me, 'don ve sinh');
    expect(r.text).toContain('ít nhất 30 ký tự');
    expect(r.text).toContain('Bước 6/7');

    r = await ask(t, me, 'Doan vien chia nhom, moi sang chu nhat don rac cac ngo, tuyen truyen ho dan phan loai rac tai nguon.');
    expect(r.text).toContain('Bước 7/7');
    expect(r.text).toContain('Phạm Minh An (demo)');
    expect(r.text).toContain('09xx xxx 001');
    expect(r.text).not.toMatch(/0900000001/);

    r = await ask(t, me, 'dung r');
    expect(r.text).toContain('TÓM TẮT ĐĂNG KÝ');
    expect(r.text).toContain('Văn hóa – xã hội');
    expect(r.text).toContain('01/03/2026');
    expect(r.buttons.map((b) => b.label)).toEqual(['Gửi đăng ký', 'Sửa', 'Hủy']);

    r = await ask(t, me, 'sua linh vuc thanh an ninh');
    expect(r.text).toContain('Đã đổi lĩnh vực → Quốc phòng – an ninh');

    r = await ask(t, me, 'thôi để như cũ, gửi đi');
    expect(r.text).toContain('Đã đổi lại lĩnh vực → Văn hóa – xã hội');
    expect(r.text).toMatch(/Mã hồ sơ: DVK-2026-CN-\d{3}/);
    expect(r.text).toContain('Chờ tiếp nhận');

    const code = /DVK-2026-CN-\d{3}/.exec(r.text)![0];
    const row = await t.db.prisma.registration.findUnique({ where: { code } });
    expect(row).toMatchObject({ status: 'submitted', field: 'van_hoa_xa_hoi', late: false, category: 'mo_hinh', subjectType: 'tap_the', subjectUnitId: 'hn-p-cuanam' });
    expect(row!.title).toBe('Khéo trong vận động người dân phân loại rác tại nguồn');
    const audit = await t.db.prisma.auditLog.findMany({ where: { entityId: row!.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['registration.create', 'registration.submit']);
  });

  it('prefills what the first message said and never asks it again', async () => {
    const me = 'cb-prefill';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    let r = await ask(t, me, 'đăng ký gương điển hình cá nhân "Ông Tổ trưởng dậy sớm nhặt rác bờ hồ" lĩnh vực pccc');
    expect(r.text).toContain('Bước 3/7');
    expect(r.text).toContain('Họ tên');
    r = await ask(t, me, 'Tư');
    expect(r.text).toContain('họ tên đầy đủ');
    r = await ask(t, me, 'Nguyễn Văn Tư, tổ trưởng tổ dân phố 7');
    expect(r.text).toContain('Bước 5/7');
    r = await ask(t, me, 'bỏ qua');
    r = await ask(t, me, 'Ông Tư vận động cả tổ dậy sớm nhặt rác, kiểm tra bình chữa cháy từng nhà mỗi tháng.');
    r = await tap(t, me, 'contact:ok');
    expect(r.text).toContain('Điển hình (gương) – Cá nhân: Nguyễn Văn Tư, tổ trưởng tổ dân phố 7');
    expect(r.text).toContain('Quốc phòng – an ninh');
    expect(r.text).toContain('Ông Tổ trưởng dậy sớm nhặt rác bờ hồ');
  });

  it('cancels at any step, keeps the draft and resumes it with "tiếp tục"', async () => {
    const me = 'cb-cancel';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await ask(t, me, 'dang ky mo hinh');
    let r = await ask(t, me, 'Khéo trong vận động người dân hiến đất mở rộng ngõ');
    expect(r.text).toContain('Bước 2/7');
    // "thôi" and "dừng" alone are read as "stop notices" by the residents' unsubscribe feature,
    // which runs before every flow; see the flow unit test for those words.
    r = await ask(t, me, 'hủy');
    expect(r.text).toContain('Đã hủy, bản nháp được lưu 30 ngày');
    const draft = await t.db.prisma.registration.findFirst({ where: { createdByCadreId: `console-${me}`, status: 'draft' } });
    expect(draft?.title).toBe('Khéo trong vận động người dân hiến đất mở rộng ngõ');
    r = await ask(t, me, 'tiếp tục');
    expect(r.text).toContain('Làm tiếp bản nháp «Khéo trong vận động người dân hiến đất mở rộng ngõ»');
    expect(r.text).toContain('Bước 2/7');
    r = await ask(t, me, 'huy bo');
    expect(r.text).toContain('Đã hủy');
    r = await ask(t, me, 'đăng ký mô hình');
    expect(r.text).toContain('bản nháp «Khéo trong vận động người dân hiến đất mở rộng ngõ»');
    r = await tap(t, me, 'reg:resume-draft');
    expect(r.text).toContain('Bước 2/7');
    r = await ask(t, me, 'hủy');
    expect(r.text).toContain('Đã hủy');
  });

  it('goes back with "quay lại" and "sửa bước N"', async () => {
    const me = 'cb-back';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await ask(t, me, 'đăng ký mô hình mới');
    await ask(t, me, 'Khéo trong vận động hộ kinh doanh giữ vỉa hè');
    let r = await ask(t, me, 'giải pháp');
    expect(r.text).toContain('Bước 3/7');
    r = await ask(t, me, 'quay lại');
    expect(r.text).toContain('Bước 2/7');
    r = await ask(t, me, 'mô hình');
    expect(r.text).toContain('Bước 3/7');
    r = await ask(t, me, 'sửa bước 1');
    expect(r.text).toContain('Bước 1/7');
    r = await ask(t, me, 'Khéo trong vận động hộ kinh doanh giữ vỉa hè thông thoáng');
    expect(r.text).toContain('Bước 3/7');
  });

  it('gives a specific hint for each wrong answer and after three offers to stop or get help', async () => {
    const me = 'cb-stuck';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await ask(t, me, 'đăng ký mô hình');
    let r = await ask(t, me, 'mô hình dân vận khéo');
    expect(r.text).toContain('không chỉ là "mô hình dân vận khéo"');
    r = await ask(t, me, 'ngắn quá');
    expect(r.text).toContain('từ 10 đến 300 ký tự');
    r = await ask(t, me, 'abc');
    expect(r.text).toContain('gặp cán bộ');
    expect(r.buttons.map((b) => b.label)).toEqual(['Thử lại', 'Hủy']);
    r = await ask(t, me, 'thử lại');
    expect(r.text).toContain('Bước 1/7');
  });

  it('after 30 idle minutes offers to resume instead of taking the message as an answer', async () => {
    const me = 'cb-idle';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await ask(t, me, 'đăng ký mô hình');
    await ask(t, me, 'Khéo trong vận động bà con giữ gìn trật tự chợ');
    clock.advance(31 * 60 * 1000);
    let r = await ask(t, me, 'alo');
    expect(r.text).toContain('đang đăng ký dở mô hình «Khéo trong vận động bà con giữ gìn trật tự chợ», bước 2/7');
    expect(r.buttons.map((b) => b.label)).toEqual(['Tiếp tục', 'Làm mới']);
    r = await ask(t, me, 'tiếp tục');
    expect(r.text).toContain('Bước 2/7');
    clock.set(MARCH_10);
  });

  it('names an old unit: shows where it went and lets the cadre choose the current one', async () => {
    const me = 'cb-oldunit';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await ask(t, me, 'đăng ký mô hình');
    await ask(t, me, 'Khéo trong vận động thanh niên hiến máu tình nguyện');
    await tap(t, me, 'cat:mo_hinh');
    let r = await tap(t, me, 'subj:other');
    expect(r.text).toContain('Tên tập thể');
    r = await ask(t, me, 'p hang trong');
    expect(r.text).toContain('Hàng Trống (cũ) đã được sắp xếp từ 01/07/2025');
    expect(r.buttons.map((b) => b.label).sort()).toEqual(['Cửa Nam', 'Hoàn Kiếm']);
    r = await ask(t, me, 'Cửa Nam');
    expect(r.text).toContain('Bước 4/7');
  });

  it('warns about a possible duplicate and asks: new model or update?', async () => {
    const me = 'cb-dup';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await registerModel(t, me, 'Khéo trong vận động người cao tuổi tập thể dục buổi sáng');
    let r = await ask(t, me, 'đăng ký mô hình "Khéo trong vận động người cao tuổi tập thể dục buổi sáng"');
    r = await tap(t, me, 'cat:mo_hinh');
    r = await tap(t, me, 'subj:own');
    r = await tap(t, me, 'field:van_hoa_xa_hoi');
    r = await ask(t, me, 'bỏ qua');
    r = await ask(t, me, 'Các cụ tập dưỡng sinh ở vườn hoa mỗi sáng, có người hướng dẫn và sổ theo dõi.');
    r = await tap(t, me, 'contact:ok');
    r = await tap(t, me, 'reg:submit');
    expect(r.text).toMatch(/Đơn vị đã có hồ sơ tương tự năm 2026: DVK-2026-CN-\d{3}/);
    expect(r.text).toContain('MỚI hay CẬP NHẬT');
    r = await ask(t, me, 'mô hình mới');
    expect(r.text).toContain('Đã GỬI thành công');
  });

  it('sends a late registration and marks it supplementary', async () => {
    clock.set('2026-04-05T10:00:00+07:00');
    try {
      const me = 'cb-late';
      await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
      await ask(t, me, 'đăng ký mô hình "Khéo trong vận động tiểu thương chợ Hàng Da"');
      await tap(t, me, 'cat:mo_hinh');
      await tap(t, me, 'subj:own');
      await tap(t, me, 'field:kinh_te');
      await ask(t, me, 'bỏ qua');
      await ask(t, me, 'Tiểu thương tự quản lối đi, niêm yết giá, không lấn chiếm lòng đường.');
      await tap(t, me, 'contact:ok');
      const r = await tap(t, me, 'reg:submit');
      expect(r.text).toContain('Đã GỬI thành công');
      expect(r.text).toContain('Đã quá hạn đăng ký');
      const code = /DVK-2026-CN-\d{3}/.exec(r.text)![0];
      expect((await t.db.prisma.registration.findUnique({ where: { code } }))!.late).toBe(true);
    } finally {
      clock.set(MARCH_10);
    }
  });
});
