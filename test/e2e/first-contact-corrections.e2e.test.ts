import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { telegramPayloads, zaloBotPayloads } from '../fakes/payloads.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { telegramTranscript, type TelegramReply } from './telegram-transcript.js';
import { redisAvailable } from '../helpers/test-redis.js';
import { MARCH_10 } from './cadre-e2e-helpers.js';
import { createInvitedCadre, until, waitFor } from './channel-e2e-helpers.js';

/**
 * Issue 13 items 2, 4 and the Zalo Bot group rule, through the real webhooks: an
 * edited message corrects the registration step it answered; a personal request in
 * a Telegram group is answered in private when the user started the bot there (else
 * the pointer carries the link that opens the bot); a Zalo Bot group message is
 * understood without the @mention of the bot.
 */
const TG_SECRET = 'tg_secret_for_correction_tests';
const ZB_SECRET = 'zb_secret_for_correction_tests';
const BOT_USERNAME = 'dvk_test_bot';

let t: TestApp;
let tg: FakeTelegram;
let zb: FakeZaloBot;

type Reply = TelegramReply;
const { messages: tgMessages, post: tgPost } = telegramTranscript({ baseUrl: () => t.app.url, fake: () => tg, secret: TG_SECRET });
type TgOptions = Parameters<typeof telegramPayloads.message>[1];
const say = (text: string, user: number, opts: TgOptions = {}, fields: Record<string, unknown> = {}) =>
  tgPost(telegramPayloads.message({ text, ...fields }, { userId: user, ...opts }), opts.chatId ?? user);
function press(reply: Reply, labelPart: string, user: number): Promise<Reply> {
  const button = reply.buttons.find((b) => b.text.includes(labelPart));
  expect(button, `no button "${labelPart}" in ${JSON.stringify(reply.buttons)}`).toBeDefined();
  return tgPost(telegramPayloads.callback(button!.callback_data, [reply.buttons], { userId: user }), user);
}

describe.skipIf(!redisAvailable())('corrections, private answers and Zalo group mentions (issue 13)', () => {
  beforeAll(async () => {
    [tg, zb] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start()]);
    t = await startTestApp({
      clock: manualClock(MARCH_10),
      env: {
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
        TELEGRAM_API_ROOT: tg.url,
        TELEGRAM_BOT_USERNAME: BOT_USERNAME,
        ZALO_BOT_TOKEN: zb.token,
        ZALO_BOT_WEBHOOK_SECRET: ZB_SECRET,
        ZALO_BOT_API_ROOT: zb.url,
        ZALO_BOT_NAME: 'Dân vận khéo',
        SEND_PER_CHAT_INTERVAL_MS: '20',
      },
    });
    await runSeed(t.db.prisma);
  });
  afterAll(async () => {
    await t?.stop();
    await Promise.all([tg?.close(), zb?.close()]);
  });

  it('Telegram: editing the message that answered a step replaces that answer in the draft, and the bot says so', async () => {
    const user = 750_001;
    await createInvitedCadre(t.db.prisma, { id: 'cb-edit-lan', fullName: 'Nguyễn Thị Lan', position: 'Bí thư Đoàn phường', unitId: 'hn-p-cuanam', code: 'ED7K2Q' });
    expect((await press(await say('/start ED7K2Q', user), 'Đúng', user)).text).toContain('Đã liên kết tài khoản');
    let r = await say('đăng ký mô hình "Khéo trong vận động hộ dân giữ vệ sinh chung"', user);
    for (const answer of ['1', '1', '2']) r = await say(answer, user);
    // Step 5 answered by message 88001, step 6 by message 88002.
    r = await say('từ 1/3', user, {}, { message_id: 88_001 });
    expect(r.text).toContain('Bước 6/7');
    r = await say('Tổ dân phố họp dân, chia ca quét dọn ngõ mỗi sáng thứ bảy và chủ nhật.', user, {}, { message_id: 88_002 });
    expect(r.text).toContain('Bước 7/7');

    // The user edits the description (message 88002) while step 7 waits.
    const corrected = 'Tổ dân phố họp dân, chia ca quét dọn ngõ và trồng cây xanh mỗi sáng chủ nhật.';
    r = await say(corrected, user, { edited: true }, { message_id: 88_002 });
    expect(r.text).toContain('Đã sửa bước 6 (Mô tả)');
    expect(r.text).toContain('Bước 7/7');
    // An invalid correction (a date that is no date) keeps the old answer and says so.
    r = await say('hôm nào đó', user, { edited: true }, { message_id: 88_001 });
    expect(r.text).toContain('vẫn giữ như cũ');
    expect(r.text).toContain('Bước 7/7');
    // An edit of a message that answered nothing we remember asks for a new message.
    r = await say('abc', user, { edited: true }, { message_id: 12 });
    expect(r.text).toContain('vừa sửa tin nhắn');

    const summary = await press(r, 'Đúng', user);
    expect(summary.text).toContain('TÓM TẮT ĐĂNG KÝ');
    expect(summary.text).toContain('trồng cây xanh');
    expect(summary.text).toContain('01/03/2026');
  });

  it('Telegram group: a personal request is answered in private when the user started the bot, else the pointer links to the bot', async () => {
    const started = 750_002;
    const stranger = 750_003;
    const group = -100_750_002;
    const inGroup = (userId: number) => ({ chatType: 'supergroup' as const, chatId: group, userId });
    expect((await say('/start', started)).text).toContain('Xin chào');

    const privateBefore = tgMessages(started).length;
    const pointer = await say(`@${BOT_USERNAME} hồ sơ của tôi đến đâu rồi`, started, inGroup(started));
    expect(pointer.text).toContain('tôi đã trả lời bạn trong tin nhắn riêng');
    const privateAnswer = await until(() => tgMessages(started)[privateBefore], 'the private answer');
    // A resident has no registrations: the private chat says what a cadre account is for.
    expect(privateAnswer.text.length).toBeGreaterThan(20);
    expect(tgMessages(group).map((m) => m.text).join('\n')).not.toContain(privateAnswer.text);

    const link = await say(`@${BOT_USERNAME} hồ sơ của tôi đến đâu rồi`, stranger, inGroup(stranger));
    expect(link.text).toContain(`https://t.me/${BOT_USERNAME}`);
    expect(tgMessages(stranger)).toHaveLength(0);
  });

  it('Zalo Bot group: the @mention of the bot is removed before the message is understood', async () => {
    const user = 'corr00000000000zbot1';
    const group = 'corrgroup0000000000zb';
    const before = zb.sent('sendMessage').filter((c) => c.body.chat_id === group).length;
    const body = zaloBotPayloads.text('@Dân Vận Khéo /help', { userId: user, groupId: group });
    const res = await fetch(`${t.app.url}/webhooks/zalo-bot`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': ZB_SECRET }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    const answer = await until(() => zb.sent('sendMessage').filter((c) => c.body.chat_id === group)[before], 'Zalo Bot group reply');
    expect(String(answer.body.text)).toContain('có dấu hay không dấu');
    const stored = await waitFor(() => t.db.prisma.inboundEventLog.findFirst({ where: { userId: `zalo-bot:${user}` } }));
    expect((stored.payload as { text?: string }).text).toBe('/help');
  });
});
