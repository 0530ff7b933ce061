import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import type { ConsoleMessage } from '../helpers/console-client.js';
import { ask, tap } from './cadre-e2e-helpers.js';

/**
 * Issue 16 §4: the tier word the user typed is honoured wherever a flow takes a place from text — resident events,
 * subscribe, a cadre's registration (subject unit) and a broadcast audience. The product's NLU names the unit
 * (`slots.placeUnit`, resolved against the database's units) and the flows use it; through the real pipeline at
 * the eval clock, Wednesday 7/10/2026 10:00 in Hà Nội. Our own wording, in none of the labelled sets.
 */
const NOW = '2026-10-07T10:00:00+07:00';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(NOW) });
  await runSeed(t.db.prisma);
  // The unit catalogue loaded before the seed; wait (on the condition, not a timer) until the NLU sees the units.
  const probe = { id: 'console:probe', role: 'resident' } as unknown as Parameters<NonNullable<typeof t.app.understand>>[1];
  const seesUnits = () => t.app.understand?.('phường Hồng Hà', probe).slots.placeUnit !== undefined;
  for (let tries = 0; tries < 300 && !seesUnits(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(seesUnits()).toBe(true);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const values = (m: ConsoleMessage) => m.buttons.map((b) => b.value);

describe('resident events', () => {
  it('"p cua nam" (tier word, no marks) answers for today’s ward and still mentions the old ward of that name', async () => {
    await t.console.user('ev-tier', { role: 'resident' });
    const r = await ask(t, 'ev-tier', 'bao gio p cua nam to chuc ngay hoi');
    expect(r.text).toContain('phường Cửa Nam hiện nay');
    expect(r.text).toContain('06/12/2026');
    expect(values(r)).not.toContain('res:pick:hk-cuanam-old');
  });

  it('"quận Hoàn Kiếm" is the old district, not today’s ward of that name', async () => {
    await t.console.user('ev-district', { role: 'resident' });
    const r = await ask(t, 'ev-district', 'quận Hoàn Kiếm sắp tới có sự kiện gì');
    expect(r.text).toContain('Quận Hoàn Kiếm');
    expect(values(r)).not.toContain('res:sub:hn-p-hoankiem');
  });
});

describe('resident subscribe', () => {
  it('"phường Bình Thạnh" subscribes to the ward without asking about the abolished district', async () => {
    await t.console.user('sub-tier', { role: 'resident' });
    const r = await ask(t, 'sub-tier', 'đăng ký nhận tin phường Bình Thạnh giúp tôi');
    expect(r.text).toContain('Đã đăng ký nhận tin sự kiện');
    expect(r.text).toContain('của phường Bình Thạnh');
    const row = await t.db.prisma.subscriber.findFirstOrThrow({ where: { userId: 'console:sub-tier' } });
    expect(row.unitsOfInterest).toEqual(['hcm-p-binhthanh']);
  });

  it('in English, "Binh Thanh ward" is the ward too', async () => {
    await t.console.user('sub-en', { role: 'resident', locale: 'en' });
    await ask(t, 'sub-en', 'subscribe me to Binh Thanh ward events please');
    const row = await t.db.prisma.subscriber.findFirstOrThrow({ where: { userId: 'console:sub-en' } });
    expect(row.unitsOfInterest).toEqual(['hcm-p-binhthanh']);
  });

  it('"Bình Thạnh" alone still asks which one', async () => {
    await t.console.user('sub-bare', { role: 'resident' });
    const r = await ask(t, 'sub-bare', 'đăng ký nhận tin Bình Thạnh');
    expect(values(r)).toEqual(expect.arrayContaining(['res:pick:hcm-p-binhthanh', 'res:pick:hcm-q-binhthanh']));
  });
});

describe('cadre registration: the subject unit', () => {
  it('"phường Cửa Nam" typed for another collective is today’s ward: no choice, on to step 4', async () => {
    const me = 'reg-tier';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-hoankiem' });
    await ask(t, me, 'đăng ký mô hình');
    await ask(t, me, 'Khéo trong vận động hộ kinh doanh giữ vỉa hè thông thoáng');
    await tap(t, me, 'cat:mo_hinh');
    let r = await tap(t, me, 'subj:other');
    expect(r.text).toContain('Tên tập thể');
    r = await ask(t, me, 'phường Cửa Nam');
    expect(r.text).toContain('Bước 4/7');
  });
});

describe('broadcast audience', () => {
  it('"quận Hoàn Kiếm" is the abolished district, not silently today’s ward of that name', async () => {
    await t.console.user('bc-tier', { role: 'admin', unitId: 'hn' });
    const r = await ask(t, 'bc-tier', 'gửi thông báo cho dân quận Hoàn Kiếm: Lịch tiếp dân tuần này');
    expect(r.text).toContain('Tôi chưa tìm thấy đơn vị "quận Hoàn Kiếm"');
    expect(await t.db.prisma.broadcast.count({ where: { authorUserId: 'console:bc-tier' } })).toBe(0);
  });

  it('"phường Hoàn Kiếm" is today’s ward and goes on to the preview', async () => {
    await t.console.user('bc-ward', { role: 'admin', unitId: 'hn' });
    const r = await ask(t, 'bc-ward', 'gửi thông báo cho dân phường Hoàn Kiếm: Lịch tiếp dân tuần này ở trụ sở phường');
    expect(r.text).toContain('Hoàn Kiếm');
    expect(r.text).not.toContain('Tôi chưa tìm thấy');
  });
});
