import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../bot/core/clock.js';
import type { Channel, InboundEvent } from '../../bot/core/inbound-event.js';
import { createNluUnderstanding } from '../../bot/conversation/nlu-understanding.js';
import { createNlu } from '../../bot/nlu/index.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { QUEUE_NAMES } from '../../runtime/queues.js';
import { createQueueInboundSink } from '../../webhooks/ingress/inbound-sink.js';
import { createResidentServices } from '../../worker/store/resident-services.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable } from '../helpers/test-redis.js';

/**
 * Resident transcripts through the real pipeline (console → queue → worker → outbox) with
 * the real NLU, at a fixed clock: Monday 23/11/2026, 09:00 in Hà Nội. Messages are our own
 * wording, not the domain notes' examples.
 */
const NOW = '2026-11-23T09:00:00+07:00';
const clock = fixedClock(NOW);
const DATE_LIKE = /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b/;
const PHONE_LIKE = /(?:\+?84|0)[\s.-]?[35789](?:[\s.-]?\d){8}/;

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock, understand: createNluUnderstanding(createNlu({ clock })), queue: redisAvailable() ? 'redis' : 'postgres' });
  await runSeed(t.db.prisma);
});

afterAll(async () => {
  await t?.stop();
});

async function resident(id: string, fields: { role?: string; unitId?: string; locale?: string } = {}) {
  await t.console.user(id, { role: 'resident', ...fields });
}

async function ask(id: string, text: string) {
  const [reply] = await t.console.say(id, text);
  expect(reply!.text).not.toMatch(PHONE_LIKE);
  return reply!;
}

async function press(id: string, value: string) {
  await t.console.press(id, value);
  const [reply] = await t.console.replies(id);
  return reply!;
}

describe('events by place and time', () => {
  it('explains an old ward’s merger, answers for its successor and subscribes with consent', async () => {
    await resident('merger');
    const answer = await ask('merger', 'năm nay ở hàng bồ có tổ chức ngày hội dân vận khéo không vậy');
    expect(answer.text).toContain('Phường Hàng Bồ (cũ) nay thuộc phường Hoàn Kiếm (từ 01/07/2025)');
    expect(answer.text).toContain('chưa có lịch ngày hội');
    expect(answer.text).toContain('năm 2026');
    // The 2027 contest is not "this year", but it is what is coming in the ward.
    expect(answer.text).toContain('20/06/2027 07:30 – Hội thi "Dân vận khéo" phường Hoàn Kiếm');
    expect(answer.text).toContain('quanh ngày 15/10');
    expect(answer.buttons.map((b) => b.value)).toContain('res:sub:hn-p-hoankiem');

    const subscribed = await ask('merger', 'vậy đăng ký nhận tin cho mình nhé');
    expect(subscribed.text).toContain('Đã đăng ký nhận tin sự kiện và công nhận của phường Hoàn Kiếm');
    expect(subscribed.text).toContain('hủy nhận tin');
    const row = await t.db.prisma.subscriber.findUniqueOrThrow({ where: { userId: 'console:merger' } });
    expect(row.unitsOfInterest).toEqual(['hn-p-hoankiem']);
    expect(row.optedInAt?.toISOString()).toBe(new Date(NOW).toISOString());
    const consent = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'subscriber', entityId: 'console:merger', action: 'subscriber.opt_in' } });
    expect(consent.channel).toBe('console');
  });

  it('answers for the new ward when an old ward had the same name, then follows up on that event', async () => {
    await resident('cuanam');
    const answer = await ask('cuanam', 'bao giờ phường Cửa Nam tổ chức ngày hội');
    expect(answer.text).toContain('phường Cửa Nam hiện nay');
    expect(answer.text).toContain('06/12/2026 08:00–11:00 – Ngày hội "Dân vận khéo" phường Cửa Nam năm 2026');

    expect((await ask('cuanam', 'ở đâu vậy ạ')).text).toContain('Địa điểm: Sân nhà văn hóa phường (giả định)');
    expect((await ask('cuanam', 'mấy giờ bắt đầu')).text).toContain('Thời gian: 06/12/2026 08:00–11:00');
    const registration = await ask('cuanam', 'có cần đăng ký trước không');
    expect(registration.text).toContain('mở cho mọi người dân');
    expect(registration.text).toContain('hệ thống chưa có thông tin');
    const parking = await ask('cuanam', 'gửi xe ở đâu');
    expect(parking.text).toContain('Chỗ gửi xe: chưa có thông tin');
    expect(parking.text).toContain('Bộ phận tiếp công dân, UBND phường Cửa Nam');
  });

  it('asks which event when a follow-up comes with nothing in view', async () => {
    await resident('nocontext');
    const which = await ask('nocontext', 'mấy giờ bắt đầu thế');
    expect(which.text).toContain('Bạn hỏi về sự kiện nào?');
    expect(which.buttons.map((b) => b.value)).toContain('res:ev:e09');
    const detail = await press('nocontext', 'res:ev:e09');
    expect(detail.text).toContain('Thời gian: 06/12/2026 08:00–11:00');
  });

  it('answers a split ward for each of its successors', async () => {
    await resident('split');
    const answer = await ask('split', 'ngày hội ở hàng trống khi nào');
    expect(answer.text).toContain('Phường Hàng Trống (cũ) đã được sắp xếp lại: một phần vào phường Hoàn Kiếm, một phần vào phường Cửa Nam');
    expect(answer.text).toContain('Phường Hoàn Kiếm hiện chưa có lịch ngày hội');
    expect(answer.text).toContain('06/12/2026 08:00–11:00');
    expect(answer.buttons.map((b) => b.value)).toEqual(expect.arrayContaining(['res:sub:hn-p-hoankiem', 'res:sub:hn-p-cuanam']));
  });

  it('asks when a name is both an old district and a new ward, then a ward of the old district', async () => {
    await resident('ambiguous');
    // The bare name leaves a real choice; with "phường" typed the ward is meant (issue 16, understanding.e2e).
    const question = await ask('ambiguous', 'ở bình thạnh có sự kiện dân vận khéo nào không');
    expect(question.text).toContain('ứng với nhiều đơn vị');
    expect(question.buttons.map((b) => b.label)).toEqual(['Phường Bình Thạnh (hiện nay)', 'Quận Bình Thạnh (cũ, đến 30/06/2025)']);
    const wards = await ask('ambiguous', '2');
    expect(wards.text).toContain('Quận Bình Thạnh (cũ)');
    expect(wards.buttons).toHaveLength(5);
    const answer = await press('ambiguous', 'res:pick:hcm-p-giadinh');
    expect(answer.text).toContain('Phường Gia Định hiện chưa có lịch sự kiện');
    expect(answer.text).toContain('quanh ngày 15/10');
  });

  it('reads "thứ 7 này", "cuối tuần" and "tháng sau" against the clock', async () => {
    await resident('dates');
    const saturday = await ask('dates', 'thứ 7 này ở phường hồng hà có ngày hội không');
    expect(saturday.text).toContain('Phường Hồng Hà không có ngày hội nào ngày 28/11/2026.');
    const weekend = await ask('dates', 'cuối tuần này phường hồng hà có sự kiện gì');
    expect(weekend.text).toContain('từ 28/11/2026 đến 29/11/2026');
    await resident('nextmonth', { unitId: 'hn-p-cuanam' });
    const nextMonth = await ask('nextmonth', 'tháng sau có ngày hội không');
    expect(nextMonth.text).toContain('từ 01/12/2026 đến 31/12/2026');
    expect(nextMonth.text).toContain('06/12/2026 08:00–11:00');
  });

  it('uses the user’s own ward for "năm sau" and keeps past events as history', async () => {
    await resident('hk', { unitId: 'hn-p-hoankiem' });
    const nextYear = await ask('hk', 'năm sau có hội thi không');
    expect(nextYear.text).toContain('năm 2027');
    expect(nextYear.text).toContain('20/06/2027 07:30 – Hội thi');
    const past = await ask('hk', 'ngày hội năm 2023 ở hàng trống');
    expect(past.text).toContain('2023 – Ngày hội "Dân vận khéo" năm 2023 tại phường Hàng Trống (đã diễn ra)');
    expect(past.text).not.toContain('sắp tới');
  });

  it('says when nothing is stored, gives past years’ timing as such, and offers to subscribe', async () => {
    await resident('none');
    const answer = await ask('none', 'phường phú thượng bao giờ có ngày hội');
    expect(answer.text).toContain('Phường Phú Thượng hiện chưa có lịch ngày hội nào được lưu');
    expect(answer.text).toContain('Các năm trước');
    expect(answer.text).toContain('Tôi sẽ không đoán ngày');
    expect(answer.buttons[0]!.value).toBe('res:sub:hn-p-phuthuong');
    const subscribed = await press('none', 'res:sub:hn-p-phuthuong');
    expect(subscribed.text).toContain('phường Phú Thượng');
  });
});

describe('subscriptions', () => {
  it('unsubscribes at once on the console with any of the stop phrasings', async () => {
    for (const [id, stop] of [['stop1', 'hủy nhận tin'], ['stop2', 'thôi đừng gửi nữa'], ['stop3', 'stop']] as const) {
      await resident(id);
      await ask(id, 'đăng ký nhận tin phường Cửa Nam');
      const reply = await ask(id, stop);
      expect(reply.text, stop).toContain('Đã hủy nhận tin');
      const row = await t.db.prisma.subscriber.findUniqueOrThrow({ where: { userId: `console:${id}` } });
      expect(row.optedOutAt, stop).not.toBeNull();
      expect(row.unitsOfInterest).toEqual([]);
    }
  });

  it('unsubscribes from Telegram, Zalo Bot and Zalo OA events through the inbound queue', async () => {
    const sink = createQueueInboundSink(t.app.queues.queue<InboundEvent>(QUEUE_NAMES.inbound));
    const cases: Array<[Channel, string]> = [['telegram', 'stop'], ['zalo-bot', 'hủy nhận tin'], ['zalo-oa', 'đừng gửi nữa']];
    let n = 0;
    const send = (channel: Channel, user: string, text: string) =>
      sink.accept({ channel, eventId: `res-${channel}-${++n}`, userId: `${channel}:${user}`, chatId: user, kind: 'text', text, at: new Date(NOW).toISOString() });
    const repliesTo = async (userId: string, count: number) => {
      for (let i = 0; i < 200; i++) {
        const rows = await t.db.prisma.outboundMessage.findMany({ where: { userId }, orderBy: { id: 'asc' } });
        if (rows.length >= count) return rows;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no reply for ${userId}`);
    };
    for (const [channel, stop] of cases) {
      const user = `u${channel.replace('-', '')}`;
      await send(channel, user, 'đăng ký nhận tin phường Cửa Nam');
      await repliesTo(`${channel}:${user}`, 1);
      expect((await t.db.prisma.subscriber.findUniqueOrThrow({ where: { userId: `${channel}:${user}` } })).unitsOfInterest).toEqual(['hn-p-cuanam']);
      await send(channel, user, stop);
      const rows = await repliesTo(`${channel}:${user}`, 2);
      expect(rows[1]!.text, channel).toContain('Đã hủy nhận tin');
      const row = await t.db.prisma.subscriber.findUniqueOrThrow({ where: { userId: `${channel}:${user}` } });
      expect(row.optedOutAt, channel).not.toBeNull();
      const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: `${channel}:${user}`, action: 'subscriber.opt_out' } });
      expect(audit.channel).toBe(channel);
    }
  });

  it('routes a subscriber of a pre-2025 ward to its successors', async () => {
    await t.db.prisma.subscriber.createMany({
      data: [
        { userId: 'legacy:hangbo', unitsOfInterest: ['hk-hangbo'], topics: ['events'], optedInAt: new Date('2024-09-01T00:00:00Z') },
        { userId: 'legacy:hangtrong', unitsOfInterest: ['hk-hangtrong'], topics: ['all'], optedInAt: new Date('2024-09-01T00:00:00Z') },
        { userId: 'legacy:left', unitsOfInterest: ['hk-hangbo'], topics: ['events'], optedInAt: new Date('2024-09-01T00:00:00Z'), optedOutAt: new Date('2025-01-01T00:00:00Z') },
      ],
    });
    const { residents } = createResidentServices(t.db.prisma);
    const hoanKiem = await residents!.subscribers.audienceFor('hn-p-hoankiem', '2026-11-23', 'events');
    expect(hoanKiem).toEqual(expect.arrayContaining(['legacy:hangbo', 'legacy:hangtrong']));
    expect(hoanKiem).not.toContain('legacy:left');
    const cuaNam = await residents!.subscribers.audienceFor('hn-p-cuanam', '2026-11-23', 'events');
    expect(cuaNam).toContain('legacy:hangtrong');
    expect(cuaNam).not.toContain('legacy:hangbo');
  });
});

describe('information from data and configuration', () => {
  it('defines terms from the glossary and computes this year’s anniversaries', async () => {
    await resident('info');
    expect((await ask('info', 'mô hình là gì vậy')).text).toMatch(/^Mô hình: /);
    const day = await ask('info', '15/10 là ngày gì');
    expect(day.text).toContain('Năm 2026:');
    expect(day.text).toContain('96 năm Ngày truyền thống công tác Dân vận của Đảng');
    expect(day.text).toContain('17 năm phong trào thi đua "Dân vận khéo"');
    expect((await ask('info', 'lịch phong trào trong năm thế nào')).text).toContain('Quanh 15/10');
    const steps = await ask('info', 'quy trinh xet cong nhan mo hinh gom nhung buoc nao');
    expect(steps.text).toContain('Quy trình xét công nhận');
    expect(steps.text).toMatch(/^1\. /m);
    expect(steps.text).toContain('sơ kết 6 tháng');
  });

  it('states no award threshold that is not configured and answers tiers from the tier table', async () => {
    await resident('award');
    const award = await ask('award', 'kỷ niệm chương cần bao nhiêu năm công tác');
    expect(award.text).toContain('chưa được cấu hình');
    expect(award.text).toMatch(/cơ quan có thẩm quyền khen thưởng quyết định/);
    expect(award.text).not.toMatch(/\b\d+ năm\b/);
    const tiers = await ask('award', 'hiện nay mô hình được công nhận ở những cấp nào');
    expect(tiers.text).toContain('cấp xã/phường (cơ sở)');
    expect(tiers.text).toContain('cấp quận/huyện không còn dùng cho quyết định mới từ 01/07/2025');
    expect((await ask('award', 'còn cấp huyện không')).text).toContain('cấp quận/huyện không còn dùng');
  });

  it('looks up an old ward, lists recognised models only, and explains contest entry', async () => {
    await resident('lookup');
    expect((await ask('lookup', 'phường hàng bồ giờ là phường nào')).text).toContain('Phường Hàng Bồ (cũ) nay thuộc phường Hoàn Kiếm (từ 01/07/2025)');
    // "Cửa Nam" is an old and a new ward; a history list does not guess which.
    const which = await ask('lookup', 'ở phường cửa nam những mô hình nào được công nhận');
    expect(which.buttons.map((b) => b.value)).toEqual(['res:pick:hn-p-cuanam', 'res:pick:hk-cuanam-old']);
    const list = await press('lookup', 'res:pick:hn-p-cuanam');
    expect(list.text).toContain('Mô hình, điển hình đã được công nhận ở phường Cửa Nam');
    // Recognised before the merger in a predecessor ward (Trần Hưng Đạo), listed under today's ward.
    expect(list.text).toContain('Khéo trong vận động cha mẹ học sinh');
    const hidden = await t.db.prisma.registration.findMany({ where: { status: { not: 'recognized' } }, select: { title: true } });
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) if (r.title) expect(list.text).not.toContain(r.title);
    expect((await ask('lookup', 'muốn đăng ký dự hội thi thì làm thế nào')).text).toContain('chào hỏi');
  });

  it('points out-of-scope requests and "talk to a person" to the ward’s configured channel', async () => {
    await resident('office', { unitId: 'hn-p-cuanam' });
    const outside = await ask('office', 'làm căn cước công dân ở đâu');
    expect(outside.text).toContain('nằm ngoài phạm vi');
    expect(outside.text).toContain('Zalo OA và trang thông tin điện tử của UBND phường Cửa Nam');
    expect(outside.text).toContain('dữ liệu minh họa');
    const human = await ask('office', 'cho tôi nói chuyện với cán bộ phường');
    expect(human.text).toContain('Giờ làm việc: thứ Hai đến thứ Sáu');
    expect(human.text).not.toMatch(PHONE_LIKE);
  });

  it('greets by role, shows help, and closes on thanks without dropping the event in view', async () => {
    await resident('polite');
    expect((await ask('polite', 'chào bot')).buttons.map((b) => b.value)).toContain('menu:events');
    await t.console.user('cadre1', { role: 'cadre', unitId: 'hn-p-cuanam' });
    expect((await ask('cadre1', 'xin chào')).text).toContain('đồng chí');
    expect((await ask('polite', 'trợ giúp')).buttons.length).toBeGreaterThan(2);
    await ask('polite', 'ngày hội phường cửa nam tổ chức khi nào');
    const thanks = await ask('polite', 'cảm ơn nhiều nhé');
    expect(thanks.text).toContain('Cảm ơn');
    expect(thanks.buttons).toEqual([]);
    expect((await ask('polite', 'ở đâu thế')).text).toContain('Sân nhà văn hóa phường');
  });
});

describe('with nothing configured', () => {
  it('says "not configured" instead of any date, threshold or contact', async () => {
    const saved = await t.db.prisma.publicInfo.findMany();
    await t.db.prisma.publicInfo.deleteMany();
    try {
      await resident('bare', { unitId: 'hn-p-cuanam' });
      const replies = [
        await ask('bare', 'cho tôi gặp cán bộ'),
        await ask('bare', 'phường hồng hà bao giờ có ngày hội'),
        await ask('bare', '15/10 là ngày gì'),
        await ask('bare', 'kỷ niệm chương cần mấy năm công tác'),
        await ask('bare', 'làm căn cước công dân ở đâu'),
        await ask('bare', 'lịch phong trào trong năm thế nào'),
        await ask('bare', 'quy trình xét duyệt mô hình như thế nào'),
      ];
      for (const reply of replies) {
        expect(reply.text).toMatch(/chưa được cấu hình/);
        expect(reply.text).not.toMatch(DATE_LIKE);
        expect(reply.text).not.toMatch(PHONE_LIKE);
      }
    } finally {
      await t.db.prisma.publicInfo.createMany({ data: saved.map((r) => ({ ...r, content: r.content as object })) });
    }
  });
});
