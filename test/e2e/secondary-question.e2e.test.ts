import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, MARCH_10 } from './cadre-e2e-helpers.js';

/**
 * Issue 16, the primary-act rule for an act that starts a flow: a cadre's registration with a deadline question
 * tacked on starts the registration and answers the question in the same turn, from the campaign calendar (the
 * seed's demo calendar of phường Cửa Nam: 15/01–31/03), through the console, the queue and the worker.
 */
describe('a tacked-on question is answered as a flow starts', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('"đăng ký mô hình …, hạn chót khi nào?" starts the registration and gives the deadline first', async () => {
    const me = 'sec-cadre-1';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await t.db.prisma.chatUser.update({ where: { id: `console:${me}` }, data: { cadreId: 'demo-cadre-cuanam' } });
    const r = await ask(t, me, 'đăng ký mô hình "Ngõ phố xanh", hạn chót khi nào?');
    const [deadline, ...flow] = r.text.split('\n');
    expect(deadline).toContain('31/03/2026');
    expect(deadline).toContain('còn 21 ngày');
    expect(deadline).toContain('Lịch mẫu'); // the seed's calendar is demo data and says so
    expect(flow.join('\n')).toContain('Bắt đầu đăng ký năm 2026');
    // The flow's own question comes last and the next message belongs to it.
    expect(flow.join('\n')).toMatch(/Bước \d\/7/);
  });

  it('the same registration without a question says nothing about deadlines', async () => {
    const me = 'sec-cadre-2';
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await t.db.prisma.chatUser.update({ where: { id: `console:${me}` }, data: { cadreId: 'demo-cadre-cuanam' } });
    const r = await ask(t, me, 'đăng ký mô hình "Ngõ phố sạch"');
    expect(r.text).not.toContain('31/03/2026');
    expect(r.text.split('\n')[0]).toContain('Bắt đầu đăng ký năm 2026');
  });

  it('after the window closed, unmarked and in English too', async () => {
    clock.set(new Date('2026-04-02T09:00:00+07:00'));
    const vi = 'sec-cadre-3';
    await t.console.user(vi, { role: 'cadre', unitId: 'hn-p-cuanam' });
    await t.db.prisma.chatUser.update({ where: { id: `console:${vi}` }, data: { cadreId: 'demo-cadre-cuanam' } });
    const r = await ask(t, vi, 'dk mo hinh "Ngo pho xanh". Han dang ky den ngay nao vay?');
    expect(r.text.split('\n')[0]).toContain('đã hết ngày 31/03/2026');
    expect(r.text).toContain('Bắt đầu đăng ký năm 2026');

    const en = 'sec-cadre-4';
    await t.console.user(en, { role: 'cadre', unitId: 'hn-p-cuanam', locale: 'en' });
    await t.db.prisma.chatUser.update({ where: { id: `console:${en}` }, data: { cadreId: 'demo-cadre-cuanam' } });
    const e = await ask(t, en, 'đăng ký mô hình "Ngõ phố xanh" mà hạn chót là khi nào vậy');
    expect(e.text.split('\n')[0]).toContain('closed on 31/03/2026');
  });
});
