import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable } from '../helpers/test-redis.js';

const NOW = '2026-10-07T10:00:00+07:00';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(NOW), queue: redisAvailable() ? 'redis' : 'postgres' });
  await runSeed(t.db.prisma);
});
afterAll(async () => {
  await t?.stop();
});
const cases: Array<[string, Record<string, string>, string]> = [
  ['r1', { role: 'resident' }, 'phường Bình Thạnh có ngày hội dân vận khéo không'],
  ['r2', { role: 'resident' }, 'Bình Thạnh có ngày hội dân vận khéo không'],
  ['r3', { role: 'resident' }, 'khu phố 3 phường Bình Thạnh có tổ chức ngày hội không'],
  ['r4', { role: 'resident' }, 'ngayf hooij ow phuwowngf hoongf haf bao giowf'],
  ['r5', { role: 'resident' }, '15/10 là ngày gì mà năm nào cũng tổ chức vậy'],
  ['r6', { role: 'resident', locale: 'en' }, 'when is the next festival in Hong Ha ward'],
  ['r7', { role: 'resident' }, 'báo tôi khi phường Hồng Hà có ngày hội nhé, mà năm nay tổ chức hôm nào'],
  ['r8', { role: 'resident' }, 'P. Hoàn Kiếm tháng này có sự kiện gì'],
  ['c1', { role: 'cadre', unitId: 'hn-p-cuanam' }, 'muốn tham gia phong trào dân vận khéo thì đăng ký ở chỗ nào ạ'],
  ['c2', { role: 'cadre', unitId: 'hn-p-cuanam' }, 'báo cáo có bắt buộc gửi hàng quý không hay chỉ cuối năm'],
  ['c3', { role: 'cadre', unitId: 'hn-p-cuanam' }, 'em ghi nhầm số điện thoại liên hệ trong hồ sơ, sửa giúp em'],
  ['c4', { role: 'cadre', unitId: 'hn-p-cuanam' }, 'năm ngoái phường Hoàn Kiếm được bao nhiêu giấy khen'],
  ['c5', { role: 'cadre', unitId: 'hn-p-cuanam' }, 'đăng ký mô hình tổ tự quản pccc khu tập thể cho chi hội phụ nữ'],
  ['c6', { role: 'cadre', unitId: 'hn-p-cuanam' }, 'dk mh "Camera an ninh ngõ 12" cho tổ dân phố số 4, hạn nộp đến bao giờ ạ'],
  ['c7', { role: 'cadre', unitId: 'hn-p-cuanam', locale: 'en' }, 'I want to register a model'],
];
describe('explore', () => {
  it('prints', async () => {
    for (const [id, fields, text] of cases) {
      await t.console.user(id, fields as never);
      const replies = await t.console.say(id, text);
      console.log(`### ${id}: ${text}\n` + replies.map((r) => `${r.text}\n  [${r.buttons.map((b) => `${b.label}=${b.value}`).join(' | ')}]`).join('\n'));
    }
  }, 120_000);
});
