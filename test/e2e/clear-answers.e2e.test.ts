import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { createNluUnderstanding } from '../../bot/conversation/nlu-understanding.js';
import { createNlu } from '../../bot/nlu/index.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ask, MARCH_10, registerModel, tap } from './cadre-e2e-helpers.js';
import { createInvitedCadre } from './channel-e2e-helpers.js';

/**
 * Issue 13 item 6, through the console pipeline: answers that do not contradict
 * themselves, and buttons of an already-sent registration that say what became of it.
 */
describe('clear answers', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);

  beforeAll(async () => {
    t = await startTestApp({ clock, understand: createNluUnderstanding(createNlu({ clock })) });
    await runSeed(t.db.prisma);
    await createInvitedCadre(t.db.prisma, { id: 'cb-clear', fullName: 'Trần Văn Minh', position: 'Chủ tịch MTTQ phường', unitId: 'hn-p-cuanam', code: 'CLR9X2' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a stale "Gửi" on an already-sent summary answers with the code and status', async () => {
    const me = 'minh';
    await t.console.user(me);
    await ask(t, me, 'liên kết tài khoản');
    await ask(t, me, 'CLR9X2');
    expect((await ask(t, me, 'đúng')).text).toContain('Đã liên kết');
    const code = await registerModel(t, me, 'Tổ dân phố không rác thải nhựa');
    const again = await tap(t, me, 'reg:submit');
    expect(again.text).toContain(`đã gửi rồi, mã ${code}`);
    expect(again.text).toContain('Chờ tiếp nhận');
    expect((await tap(t, me, 'cat:mo_hinh')).text).toContain(code);
  });

  it('says plainly there is no festival on Saturday and that there is one on Sunday 06/12', async () => {
    clock.set('2026-11-30T09:00:00+07:00');
    try {
      await t.console.user('sat', { role: 'resident' });
      const answer = await ask(t, 'sat', 'thứ 7 này phường cửa nam có ngày hội không');
      expect(answer.text).toContain('Phường Cửa Nam không có ngày hội nào ngày 05/12/2026.');
      expect(answer.text).toContain('Sắp tới ở phường Cửa Nam có:');
      expect(answer.text).toContain('06/12/2026 08:00–11:00');
      expect(answer.text).not.toContain('không đoán ngày');
      expect(answer.text).not.toContain('Về thời điểm thường lệ');
    } finally {
      clock.set(MARCH_10);
    }
  });
});
