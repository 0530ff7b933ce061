import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../bot/core/clock.js';
import { createNluUnderstanding } from '../../bot/conversation/nlu-understanding.js';
import { createNlu } from '../../bot/nlu/index.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { seedSubscribers, waitForStatus } from '../worker/broadcast/broadcast-fixtures.js';

/**
 * Staff broadcast transcripts (domain §3.4) through the whole pipeline at a fixed
 * clock, Monday 23/11/2026 09:00 in Hà Nội: compose → preview → send; a request that
 * carries everything; schedule → listed → cancel; quiet hours; a phone number refused;
 * an out-of-scope audience and a resident refused; a second approver.
 */
const NOW = '2026-11-23T09:00:00+07:00';
const clock = fixedClock(NOW);
const UNIT = 'hn-p-cuanam';
let t: TestApp;

async function staff(id: string, role = 'broadcaster') {
  await t.console.user(id, { role, unitId: UNIT, displayName: `Cán bộ ${id}` });
}
async function say(id: string, text: string) {
  const [reply] = await t.console.say(id, text);
  return reply!;
}
async function press(id: string, value: string) {
  const msg = await t.console.press(id, value);
  const [reply] = await t.console.answersTo(id, msg);
  return reply!;
}
const residentsGot = async (text: string) =>
  t.db.prisma.outboundMessage.findMany({ where: { userId: { startsWith: 'console:bcres' }, text: { contains: text } } });

beforeAll(async () => {
  t = await startTestApp({
    clock,
    understand: createNluUnderstanding(createNlu({ clock })),
    env: { BROADCAST_APPROVAL_THRESHOLD: '6', BROADCAST_HOTLINE: '024 3825 3536' },
  });
  await runSeed(t.db.prisma);
  await seedSubscribers(t.db.prisma, { unitId: UNIT, perChannel: { console: 5 }, prefix: 'bcres', now: new Date(NOW) });
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

describe('compose by chat', () => {
  it('compose → preview → send, answering by buttons and typed numbers', async () => {
    await staff('bc-a');
    let reply = await say('bc-a', 'soạn thông báo');
    expect(reply.text).toContain('Loại thông báo?');
    expect(reply.buttons.map((b) => b.value)).toEqual(['bc:kind:recognition', 'bc:kind:event', 'bc:kind:deadline', 'bc:kind:other']);
    reply = await press('bc-a', 'bc:kind:recognition');
    expect(reply.text).toContain('Gửi tới ai?');
    reply = await say('bc-a', '1'); // typed number: the first option (residents), as on Zalo Bot
    expect(reply.text).toContain('Nội dung thông báo');
    reply = await say('bc-a', 'Đảng ủy phường Cửa Nam công nhận 12 mô hình "Dân vận khéo" năm 2026. Hotline 024 3825 3536.');
    expect(reply.text).toContain('Xem trước');
    expect(reply.text).toContain('Người nhận dự kiến: 5 người dân + 0 cán bộ (Thử nghiệm 5)');
    expect(reply.text).toContain('Gửi lúc: ngay khi xác nhận');
    reply = await press('bc-a', 'bc:send');
    expect(reply.text).toContain('Đang gửi thông báo');

    const row = await t.db.prisma.broadcast.findFirstOrThrow({ where: { authorUserId: 'console:bc-a' } });
    await waitForStatus(t.db.prisma, row.id, 'done');
    const got = await residentsGot('công nhận 12 mô hình');
    expect(got).toHaveLength(5);
    expect(got.every((m) => m.text.endsWith('— Trả lời "hủy nhận tin" để dừng nhận thông báo.'))).toBe(true);
    const [done] = await t.console.replies('bc-a');
    expect(done!.text).toContain('Đã gửi xong thông báo: 5 người đã nhận');

    reply = await say('bc-a', 'tình hình gửi thông báo vừa rồi');
    expect(reply.text).toContain('đã gửi xong');
    expect(reply.text).toContain('Đã nhận: 5');
  }, 60_000);

  it('a row left uncertain by a dead worker shows in the status and is resent only when staff say so', async () => {
    const row = await t.db.prisma.broadcast.findFirstOrThrow({ where: { authorUserId: 'console:bc-a' } });
    const [unsure] = await t.db.prisma.broadcastRecipient.findMany({ where: { broadcastId: row.id }, take: 1, orderBy: { id: 'asc' } });
    await t.db.prisma.broadcastRecipient.update({ where: { id: unsure!.id }, data: { state: 'uncertain' } });
    await t.db.prisma.outboundMessage.deleteMany({ where: { userId: unsure!.userId, text: { contains: 'công nhận 12 mô hình' } } });

    let reply = await say('bc-a', 'tình hình gửi thông báo vừa rồi');
    expect(reply.text).toContain('Đã nhận: 4');
    expect(reply.text).toContain('Chưa chắc chắn đã tới: 1 (không tự gửi lại để tránh gửi trùng).');
    expect(reply.buttons.map((b) => b.value)).toContain(`bc:uncertain:${row.id}`);
    reply = await say('bc-a', 'gửi lại tin chưa chắc chắn');
    expect(reply.text).toBe('Đang gửi lại 1 tin chưa chắc chắn. Người đã nhận có thể nhận hai lần.');
    await waitForStatus(t.db.prisma, row.id, 'done');
    expect(await residentsGot('công nhận 12 mô hình')).toHaveLength(5);
  }, 60_000);

  it('a request that says who and what goes straight to the preview; typed without marks gets a suggestion', async () => {
    await staff('bc-b');
    let reply = await say('bc-b', 'gửi thông báo cho dân phường Cửa Nam: Le tuyen duong mo hinh dan van kheo vao 9h ngay 15/12 tai hoi truong UBND phuong');
    expect(reply.text).toContain('chưa có dấu');
    reply = await press('bc-b', 'bc:marks:yes');
    expect(reply.text).toContain('Xem trước');
    expect(reply.text).toMatch(/tuyên dương/);
    expect(reply.text).toContain('Người dân theo dõi Cửa Nam');
    reply = await press('bc-b', 'bc:cancel');
    expect(reply.text).toContain('Đã hủy bản nháp');
  }, 30_000);

  it('refuses a personal phone number and a CCCD number with the reason, then accepts the fixed text', async () => {
    await staff('bc-c');
    await say('bc-c', 'soạn thông báo');
    await press('bc-c', 'bc:kind:event');
    await press('bc-c', 'bc:aud:residents');
    let reply = await say('bc-c', 'Ngày hội phường Cửa Nam, liên hệ chị Lan 0912 345 678 để đăng ký.');
    expect(reply.text).toContain('số điện thoại cá nhân (0912xxx678)');
    reply = await say('bc-c', 'Danh sách khen thưởng: ông A, CCCD 001085012345.');
    expect(reply.text).toContain('căn cước');
    reply = await say('bc-c', 'Ngày hội phường Cửa Nam, đăng ký tại nhà văn hóa phường.');
    expect(reply.text).toContain('Xem trước');
    await press('bc-c', 'bc:cancel');
  }, 30_000);

  it('refuses an audience outside the scope, and a resident, politely', async () => {
    await staff('bc-d');
    let reply = await say('bc-d', 'gửi thông báo cho dân phường Hoàn Kiếm: Lịch tiếp dân tuần này');
    expect(reply.text).toContain('nằm ngoài phạm vi');
    await t.console.user('bc-res', { role: 'resident', unitId: UNIT });
    reply = await say('bc-res', 'gửi thông báo cho dân phường Cửa Nam: mai cắt nước');
    expect(reply.text).toContain('chỉ cán bộ phụ trách thông tin');
    expect(await t.db.prisma.broadcast.count({ where: { authorUserId: { in: ['console:bc-d', 'console:bc-res'] } } })).toBe(0);
  }, 30_000);
});

describe('scheduling', () => {
  it('quiet hours move a send to 07:00 and say so; the week list shows it; "hủy 1" cancels it', async () => {
    await staff('bc-e');
    await say('bc-e', 'soạn thông báo');
    await press('bc-e', 'bc:kind:other');
    await press('bc-e', 'bc:aud:residents');
    await say('bc-e', 'Thông báo lịch tiếp công dân của Đảng ủy phường.');
    let reply = await say('bc-e', '22h tối nay');
    expect(reply.text).toContain('khung giờ yên tĩnh');
    expect(reply.text).toContain('07:00 ngày 24/11/2026');
    expect(reply.text).toContain('Đã lên lịch gửi lúc 07:00 ngày 24/11/2026');

    reply = await say('bc-e', 'lịch gửi tuần này');
    expect(reply.text).toContain('Lịch gửi tuần này');
    expect(reply.text).toMatch(/1\) 07:00 ngày 24\/11\/2026 – Người dân theo dõi Cửa Nam – 5 người nhận – đã lên lịch/);
    reply = await say('bc-e', 'hủy 1');
    expect(reply.text).toContain('Đã hủy thông báo');
    const row = await t.db.prisma.broadcast.findFirstOrThrow({ where: { authorUserId: 'console:bc-e' } });
    expect(row.status).toBe('cancelled');
    expect(await t.db.prisma.broadcastRecipient.count({ where: { broadcastId: row.id } })).toBe(0);
  }, 30_000);
});

describe('second approver', () => {
  it('above the threshold nothing is sent until another staff member approves by chat', async () => {
    await seedSubscribers(t.db.prisma, { unitId: UNIT, perChannel: { console: 3 }, prefix: 'bcmore', now: new Date(NOW) });
    await staff('bc-f');
    await say('bc-f', 'soạn thông báo');
    await press('bc-f', 'bc:kind:event');
    await press('bc-f', 'bc:aud:residents');
    let reply = await say('bc-f', 'Hội thi "Dân vận khéo" phường Cửa Nam khai mạc lúc 8h ngày 28/11.');
    expect(reply.text).toContain('Người nhận dự kiến: 8 người dân');
    expect(reply.text).toContain('cần một người duyệt thứ hai');
    reply = await press('bc-f', 'bc:send');
    expect(reply.text).toContain('Cần 1 người duyệt');
    const row = await t.db.prisma.broadcast.findFirstOrThrow({ where: { authorUserId: 'console:bc-f' } });
    expect(row.status).toBe('pending_approval');

    // The author cannot approve their own announcement.
    reply = await press('bc-f', `bc:approve:${row.id}`);
    expect(reply.text).toContain('không thể tự duyệt');
    // The ward's approver (seeded demo account) got the preview with a button.
    const [request] = await t.console.replies('demo-approver-cuanam');
    expect(request!.text).toContain('[Cần duyệt]');
    expect(request!.text).toContain('Hội thi "Dân vận khéo"');
    // Typed, as on Zalo Bot where the request carries no button.
    reply = await say('demo-approver-cuanam', 'duyệt');
    expect(reply.text).toContain('Đã duyệt');
    await waitForStatus(t.db.prisma, row.id, 'done');
    expect(await residentsGot('khai mạc lúc 8h ngày 28/11')).toHaveLength(5);
    const notes = await t.console.replies('bc-f', 2);
    expect(notes.map((n) => n.text).join('\n')).toContain('đã được duyệt');
  }, 60_000);
});
