import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../fakes/payloads.js';
import type { RecordedCall } from '../fakes/fake-server.js';
import type { FakeTelegram } from '../fakes/telegram.fake.js';
import type { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import type { FakeZaloOa } from '../fakes/zalo-oa.fake.js';
import type { TestApp } from '../helpers/test-app.js';
import { redisAvailable } from '../helpers/test-redis.js';
import { createInvitedCadre, E2E_SECRETS, startChannelsUnderTest, until, waitFor, type ChannelsUnderTest } from './channel-e2e-helpers.js';

/**
 * Issue 13, as new users meet the bot: transcripts through the real webhook routes,
 * queue, worker and senders, against the loopback platform fakes. Zalo OA needs
 * Redis (its token lock), hence the skip where Redis does not run.
 */
const TG_SECRET = E2E_SECRETS.telegram;
const ZB_SECRET = E2E_SECRETS.zaloBot;
const OA_SECRET = E2E_SECRETS.zaloOa;
const BOT_USERNAME = 'dvk_test_bot';

let t: TestApp;
let tg: FakeTelegram;
let zb: FakeZaloBot;
let oa: FakeZaloOa;


async function post(path: string, body: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(`${t.app.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  expect(res.status).toBe(200);
}

interface Reply {
  text: string;
  buttons: Array<{ text: string; callback_data: string }>;
  call: RecordedCall;
}

const tgMessages = (chat: number): Reply[] =>
  tg
    .sent('sendMessage')
    .filter((c) => c.body.chat_id === String(chat))
    .map((call) => ({
      text: String(call.body.text),
      buttons: ((call.body.reply_markup as { inline_keyboard?: Reply['buttons'][] } | undefined)?.inline_keyboard ?? []).flat(),
      call,
    }));

/** Posts a Telegram update and waits for the chat's next message. */
async function tgSay(update: Record<string, unknown>, chat: number): Promise<Reply> {
  const before = tgMessages(chat).length;
  await post('/webhooks/telegram', JSON.stringify(update), { 'x-telegram-bot-api-secret-token': TG_SECRET });
  return until(() => tgMessages(chat)[before], `Telegram reply in ${chat}`);
}
const tgText = (text: string, user: number, opts: Parameters<typeof telegramPayloads.message>[1] = {}) =>
  telegramPayloads.message({ text }, { userId: user, ...opts });

async function tgPress(reply: Reply, labelPart: string, user: number, chat = user): Promise<Reply> {
  const button = reply.buttons.find((b) => b.text.includes(labelPart));
  expect(button, `no button "${labelPart}" in ${JSON.stringify(reply.buttons)}`).toBeDefined();
  const update = telegramPayloads.callback(button!.callback_data, [reply.buttons], { userId: user });
  if (chat !== user) ((update.callback_query as { message: { chat: unknown } }).message.chat = { id: chat, type: 'supergroup' });
  return tgSay(update, chat);
}

/** True when no inbound row exists for the update: it was acknowledged and never enqueued. */
async function neverEnqueued(channel: string, eventIdPart: string): Promise<boolean> {
  const rows = await t.db.prisma.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*)::bigint AS n FROM inbound_event WHERE channel = ${channel} AND payload->>'eventId' LIKE ${`%${eventIdPart}%`}`;
  return rows[0]!.n === 0n;
}

const zbMessages = (chat: string): string[] => zb.sent('sendMessage').filter((c) => c.body.chat_id === chat).map((c) => String(c.body.text));
async function zbSay(update: Record<string, unknown>, chat: string): Promise<string> {
  const before = zbMessages(chat).length;
  await post('/webhooks/zalo-bot', JSON.stringify(update), { 'x-bot-api-secret-token': ZB_SECRET });
  return until(() => zbMessages(chat)[before], `Zalo Bot reply in ${chat}`);
}

const oaMessages = (user: string): string[] =>
  oa
    .sentCs()
    .filter((c) => (c.body.recipient as { user_id?: string } | undefined)?.user_id === user)
    .map((c) => JSON.stringify(c.body.message));
async function oaPostRaw(event: Record<string, unknown>): Promise<void> {
  const raw = JSON.stringify(event);
  await post('/webhooks/zalo-oa', raw, { 'x-zevent-signature': zaloOaPayloads.signature(raw, OA_SECRET) });
}
async function oaSay(event: Record<string, unknown>, user: string): Promise<string> {
  const before = oaMessages(user).length;
  await oaPostRaw(event);
  return until(() => oaMessages(user)[before], `Zalo OA reply to ${user}`);
}


describe.skipIf(!redisAvailable())('first contact through the real webhooks (issue 13)', () => {
  let under: ChannelsUnderTest;
  beforeAll(async () => {
    under = await startChannelsUnderTest({ TELEGRAM_BOT_USERNAME: BOT_USERNAME, SEND_PER_CHAT_INTERVAL_MS: '20' });
    ({ t, tg, zb, oa } = under);
    await runSeed(t.db.prisma);
    await createInvitedCadre(t.db.prisma, { id: 'cb-fc-lan', fullName: 'Nguyễn Thị Lan', position: 'Bí thư Đoàn phường', unitId: 'hn-p-cuanam', code: 'FC7K2Q' });
  });
  afterAll(async () => {
    await under?.close();
  });

  it('Telegram /start greets a resident with the menu; /help and unknown commands are answered', async () => {
    const user = 720_001;
    const hello = await tgSay(tgText('/start', user), user);
    expect(hello.text).toContain('Xin chào! Tôi là trợ lý');
    expect(hello.buttons.length).toBeGreaterThanOrEqual(3);
    expect((await tgSay(tgText('/help', user), user)).text).toContain('có dấu hay không dấu');
    expect((await tgSay(tgText('/foo', user), user)).text).toContain('Tôi chưa có lệnh /foo');
  });

  it('Telegram /start <invite> (the deep link) links the cadre; /start@ourbot is understood', async () => {
    const user = 720_002;
    const confirm = await tgSay(tgText(`/start@${BOT_USERNAME} FC7K2Q`, user), user);
    expect(confirm.text).toContain('Nguyễn Thị Lan');
    const done = await tgPress(confirm, 'Đúng', user);
    expect(done.text).toContain('Đã liên kết tài khoản');
    expect(await t.db.prisma.chatUser.findUnique({ where: { id: `telegram:${user}` } })).toMatchObject({ cadreId: 'cb-fc-lan', role: 'cadre' });
    const greeting = await tgSay(tgText('/start', user), user);
    expect(greeting.text).toContain('Chào đồng chí');
  });

  it('Telegram /start w_<unit> pre-selects the ward and offers its notices', async () => {
    const user = 720_003;
    const offer = await tgSay(tgText('/start w_hn-p-cuanam', user), user);
    expect(offer.text).toContain('Cửa Nam');
    const subscribed = await tgPress(offer, 'Nhận thông báo', user);
    expect(subscribed.text).toContain('Đã đăng ký nhận tin');
    const subscriber = await t.db.prisma.subscriber.findUnique({ where: { userId: `telegram:${user}` } });
    expect(subscriber?.unitsOfInterest).toEqual(['hn-p-cuanam']);
  });

  it('language_code=en writing Vietnamese is answered in Vietnamese; "English" and "tiếng Việt" switch and stick', async () => {
    const user = 720_004;
    const en = { languageCode: 'en' };
    expect((await tgSay(tgText('xin chao', user, en), user)).text).toContain('Xin chào! Tôi là trợ lý');
    expect((await tgSay(tgText('English please', user, en), user)).text).toContain('From now on I answer in English');
    // The choice wins over the language of the message.
    expect((await tgSay(tgText('xin chào', user, en), user)).text).toContain('Hello!');
    expect((await tgSay(tgText('nói tiếng việt đi', user, en), user)).text).toContain('Từ giờ tôi trả lời bằng tiếng Việt');
    expect((await tgSay(tgText('hello', user, en), user)).text).toContain('Xin chào!');
    const ask = await tgSay(tgText('/language', user, en), user);
    expect(ask.buttons.map((b) => b.text)).toEqual(['Tiếng Việt', 'English']);
    expect((await tgPress(ask, 'English', user)).text).toContain('From now on I answer in English');
    expect(await t.db.prisma.chatUser.findUnique({ where: { id: `telegram:${user}` } })).toMatchObject({ locale: 'en', localeChosen: true });
  });

  it('a new English speaker is answered in English without choosing', async () => {
    const user = 720_005;
    expect((await tgSay(tgText('hello', user, { languageCode: 'vi' }), user)).text).toContain('Hello!');
  });

  it('Telegram group: small talk and service messages ignored, a mention answered there, a private flow does not leak', async () => {
    const user = 720_006;
    const group = -100_720_006;
    const inGroup = { chatType: 'supergroup' as const, chatId: group };
    // In private: the link flow now waits for an invite code.
    expect((await tgSay(tgText('đăng ký mô hình', user), user)).text).toContain('MÃ MỜI');
    const smallTalk = tgText('hôm nay trời đẹp quá', user, { ...inGroup, updateId: 730_001 });
    await post('/webhooks/telegram', JSON.stringify(smallTalk), { 'x-telegram-bot-api-secret-token': TG_SECRET });
    const joined = telegramPayloads.message({ new_chat_members: [{ id: 9, is_bot: false, first_name: 'Tư' }] }, { ...inGroup, userId: user, updateId: 730_002 });
    await post('/webhooks/telegram', JSON.stringify(joined), { 'x-telegram-bot-api-secret-token': TG_SECRET });
    const other = tgText('/start@other_bot', user, { ...inGroup, updateId: 730_003 });
    await post('/webhooks/telegram', JSON.stringify(other), { 'x-telegram-bot-api-secret-token': TG_SECRET });
    // A code-like reply in the group is not read as the private flow's invite code.
    const mention = await tgSay(tgText(`@${BOT_USERNAME} xin chào`, user, inGroup), group);
    expect(mention.text).toContain('Xin chào');
    expect(mention.text).not.toContain('Mã mời');
    const invite = await tgSay(tgText('/start FC7K2Q', user, inGroup), group);
    expect(invite.text).toContain('nhắn riêng');
    const personal = await tgSay(tgText(`@${BOT_USERNAME} đăng ký mô hình`, user, inGroup), group);
    expect(personal.text).toContain('nhắn riêng');
    expect(tgMessages(group)).toHaveLength(3);
    for (const id of ['730001', '730002', '730003']) expect(await neverEnqueued('telegram', id)).toBe(true);
    // The private flow is where it was, and the user's private chat stays the reply address.
    expect((await tgSay(tgText('ABCDEF', user), user)).text).toContain('Mã mời không đúng');
    expect(await t.db.prisma.chatUser.findUnique({ where: { id: `telegram:${user}` } })).toMatchObject({ chatId: `telegram:${user}` });
  });

  it('Telegram: a location is answered with a request for the ward, whose name then answers; reactions and edits are silent', async () => {
    const user = 720_007;
    const located = await tgSay(telegramPayloads.message({ location: { latitude: 21.03, longitude: 105.84 } }, { userId: user }), user);
    expect(located.text).toContain('chưa có bản đồ ranh giới');
    const events = await tgSay(tgText('phường Cửa Nam', user), user);
    expect(events.text).toContain('Cửa Nam');
    await post('/webhooks/telegram', JSON.stringify(telegramPayloads.reaction({ userId: user, updateId: 731_001 })), { 'x-telegram-bot-api-secret-token': TG_SECRET });
    await post('/webhooks/telegram', JSON.stringify(tgText('phường Cửa Nam nhé', user, { edited: true, updateId: 731_002 })), { 'x-telegram-bot-api-secret-token': TG_SECRET });
    const contact = await tgSay(telegramPayloads.message({ contact: { phone_number: '+84912345678', first_name: 'Lan' } }, { userId: user }), user);
    expect(contact.text).toContain('không lưu số điện thoại');
    expect(await neverEnqueued('telegram', '731001')).toBe(true);
    // The edit was taken in and answered with nothing (no flow was waiting).
    await waitFor(async () => (await t.db.prisma.inboundEventLog.findFirst({ where: { id: 'tg-731002', processedAt: { not: null } } })) ?? null);
    const answersToEdit = await t.db.prisma.outboundMessage.count({ where: { inReplyTo: 'tg-731002' } });
    expect(answersToEdit).toBe(0);
  });

  it('Telegram: a photo whose caption is a question is answered; a bare photo gets the text-only reply', async () => {
    const user = 720_008;
    const captioned = await tgSay(telegramPayloads.message({ photo: [{ file_id: 'p-small' }, { file_id: 'p-big' }], caption: 'xin chào' }, { userId: user }), user);
    expect(captioned.text).toContain('Xin chào! Tôi là trợ lý');
    const bare = await tgSay(telegramPayloads.message({ photo: [{ file_id: 'p-big' }] }, { userId: user }), user);
    expect(bare.text).toContain('chỉ đọc được tin nhắn chữ');
  });

  it('Telegram: a bare photo or PDF in a flow that takes no files says where files are taken and keeps the step; a caption answers it', async () => {
    const user = 720_009;
    expect((await tgSay(tgText('đăng ký mô hình', user), user)).text).toContain('MÃ MỜI');
    const photo = await tgSay(telegramPayloads.message({ photo: [{ file_id: 'p1' }] }, { userId: user }), user);
    expect(photo.text).toContain('Tôi nhận ảnh và tệp khi đồng chí đăng ký mô hình');
    const pdf = await tgSay(telegramPayloads.message({ document: { file_id: 'd1', file_name: 'ke-hoach.pdf', mime_type: 'application/pdf' } }, { userId: user }), user);
    expect(pdf.text).toContain('Tôi nhận ảnh và tệp khi đồng chí đăng ký mô hình');
    // The flow still waits for the code: a captioned photo's caption is read as the answer.
    const captioned = await tgSay(telegramPayloads.message({ photo: [{ file_id: 'p2' }], caption: 'ZZZZZZ' }, { userId: user }), user);
    expect(captioned.text).toContain('Mã mời không đúng');
  });

  it('Zalo Bot: a reaction is silent, a group message (mention) is answered in the group', async () => {
    const user = 'fc00000000000000zbot';
    const reaction = zaloBotPayloads.text('', { userId: user, eventName: 'message.reaction.received', messageId: 'fcreact0001' });
    await post('/webhooks/zalo-bot', JSON.stringify(reaction), { 'x-bot-api-secret-token': ZB_SECRET });
    const group = 'fcgroup00000000000zb';
    // Zalo delivers a group message only when it quotes or mentions the bot.
    const answer = await zbSay(zaloBotPayloads.text('xin chào', { userId: user, groupId: group }), group);
    expect(answer).toContain('Xin chào');
    expect(zbMessages(user)).toHaveLength(0);
    expect(await neverEnqueued('zalo-bot', 'fcreact0001')).toBe(true);
  });

  it('Zalo OA: user_click_chatnow is greeted; reactions, seen receipts and echoes are silent; a location asks for the ward', async () => {
    const user = '8563847912345671301';
    const greeted = await oaSay(zaloOaPayloads.event('user_click_chatnow', { userId: user }), user);
    expect(greeted).toContain('Cảm ơn bạn đã quan tâm');
    for (const name of ['user_reacted_message', 'user_seen_message', 'oa_send_text']) {
      await oaPostRaw(zaloOaPayloads.event(name, { userId: user, fromOa: name !== 'user_reacted_message', message: { text: 'x', react_icon: '/-heart' } }));
    }
    const located = await oaSay(
      zaloOaPayloads.event('user_send_location', { userId: user, message: { attachments: [{ type: 'location', payload: { coordinates: { latitude: '21.03', longitude: '105.84' } } }] } }),
      user,
    );
    expect(located).toContain('chưa có bản đồ ranh giới');
    expect(oaMessages(user)).toHaveLength(2);
    const kinds = await t.db.prisma.$queryRaw<Array<{ kind: string }>>`SELECT kind FROM inbound_event WHERE user_id = ${`zalo-oa:${user}`} ORDER BY received_at`;
    expect(kinds.map((k) => k.kind)).toEqual(['follow', 'location']);
  });
});
