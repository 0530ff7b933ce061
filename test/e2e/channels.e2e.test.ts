import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../runtime/queues.js';
import { inboundJobId } from '../../webhooks/ingress/inbound-job-id.js';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../fakes/payloads.js';
import type { RecordedCall } from '../fakes/fake-server.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../fakes/zalo-oa.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable, testRedisUrl } from '../helpers/test-redis.js';
import { E2E_SECRETS, startChannelsUnderTest, until, waitFor, type ChannelsUnderTest } from './channel-e2e-helpers.js';

/**
 * One scripted conversation (greeting → menu → the second option → a reply) on
 * each platform channel, through the real webhook route, Redis queue, worker and
 * sender, against loopback fakes of the platform APIs.
 */
const TG_SECRET = E2E_SECRETS.telegram;
const ZB_SECRET = E2E_SECRETS.zaloBot;
const OA_SECRET = E2E_SECRETS.zaloOa;

let t: TestApp;
let tg: FakeTelegram;
let zb: FakeZaloBot;
let oa: FakeZaloOa;

function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${t.app.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}
const tgPost = (update: unknown) => post('/webhooks/telegram', JSON.stringify(update), { 'x-telegram-bot-api-secret-token': TG_SECRET });
const zbPost = (update: unknown) => post('/webhooks/zalo-bot', JSON.stringify(update), { 'x-bot-api-secret-token': ZB_SECRET });
const oaPost = (event: unknown) => {
  const raw = JSON.stringify(event);
  return post('/webhooks/zalo-oa', raw, { 'x-zevent-signature': zaloOaPayloads.signature(raw, OA_SECRET) });
};

/**
 * What the bot answers when a resident picks the second menu option, asked through
 * the console of the same app: every channel must give the same answer.
 */
let probes = 0;
async function secondOptionReply(): Promise<string> {
  const probe = `probe-${++probes}`;
  await t.console.user(probe);
  const [menu] = await t.console.say(probe, 'Xin chào');
  await t.console.press(probe, menu!.buttons[1]!.value);
  const [reply] = await t.console.replies(probe);
  return reply!.text.split('\n')[0]!;
}

describe.skipIf(!redisAvailable())('channels end to end (webhook → queue → worker → fake platform)', () => {
  let under: ChannelsUnderTest;
  beforeAll(async () => {
    under = await startChannelsUnderTest();
    ({ t, tg, zb, oa } = under);
  });
  afterAll(async () => {
    await under?.close();
  });

  it('Telegram: inline keyboard menu, pressing the second button gets its reply', async () => {
    const user = 700_001;
    expect((await tgPost(telegramPayloads.text('Xin chào', { userId: user }))).status).toBe(200);
    const menu = await until(() => tg.sent('sendMessage').find((c) => c.body.chat_id === String(user) && c.body.reply_markup), 'Telegram menu');
    const keyboard = (menu.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    expect(keyboard.length).toBeGreaterThanOrEqual(2);
    const second = keyboard[1]![0]!;
    const press = await tgPost(telegramPayloads.callback(second.callback_data, keyboard, { userId: user }));
    expect(await press.json()).toMatchObject({ method: 'answerCallbackQuery' });
    const expected = await secondOptionReply();
    const reply = await until(() => tg.sent('sendMessage').find((c) => c !== menu && c.body.chat_id === String(user)), 'Telegram reply');
    expect(reply.body.text).toContain(expected);
  });

  it('Zalo Bot: numbered options, replying "2" gets the second option', async () => {
    const user = 'e2e0000000000000zbot';
    expect((await zbPost(zaloBotPayloads.text('Xin chào', { userId: user, wrapped: true }))).status).toBe(200);
    const menu = await until(() => zb.sent('sendMessage').find((c) => c.body.chat_id === user), 'Zalo Bot menu');
    const text = String(menu.body.text);
    const secondLabel = /^2\. (.+)$/m.exec(text)?.[1];
    expect(text).toMatch(/^1\. .+$/m);
    expect(secondLabel).toBeDefined();
    expect((await zbPost(zaloBotPayloads.text('2', { userId: user }))).status).toBe(200);
    const expected = await secondOptionReply();
    const reply = await until(() => zb.sent('sendMessage').find((c) => c !== menu && c.body.chat_id === user), 'Zalo Bot reply');
    expect(String(reply.body.text)).toContain(expected);
  });

  it('Zalo OA: oa.query.show buttons, tapping the second (it comes back as text) gets its reply', async () => {
    const user = '8563847912345670001';
    expect((await oaPost(zaloOaPayloads.text('Xin chào', { userId: user }))).status).toBe(200);
    const isTo = (c: RecordedCall) => (c.body.recipient as { user_id?: string } | undefined)?.user_id === user;
    const menu = await until(() => oa.sentCs().find(isTo), 'Zalo OA menu');
    const buttons = (menu.body.message as { attachment: { payload: { buttons: { title: string; payload: string; type: string }[] } } }).attachment.payload.buttons;
    expect(buttons[1]!.type).toBe('oa.query.show');
    expect((await oaPost(zaloOaPayloads.text(buttons[1]!.payload, { userId: user }))).status).toBe(200);
    const expected = await secondOptionReply();
    const reply = await until(() => oa.sentCs().find((c) => c !== menu && isTo(c)), 'Zalo OA reply');
    expect(JSON.stringify(reply.body.message)).toContain(expected);
  });

  it('handles the same update delivered 3 times once', async () => {
    const user = 700_002;
    const update = telegramPayloads.text('Xin chào', { userId: user, updateId: 990_001 });
    for (let i = 0; i < 3; i += 1) expect((await tgPost(update)).status).toBe(200);
    await until(() => tg.sent('sendMessage').find((c) => c.body.chat_id === String(user)), 'first reply');
    // No waiting window: the three deliveries are one job; once it completed and no
    // reply row of this user is pending, every send that will ever happen has happened.
    const job = await t.app.queues.queue(QUEUE_NAMES.inbound).getJob(inboundJobId('telegram', '990001'));
    await expect.poll(() => job?.getState(), { timeout: 15_000 }).toBe('completed');
    await expect.poll(() => t.db.prisma.outboundMessage.count({ where: { userId: `telegram:${user}`, status: 'pending' } }), { timeout: 15_000 }).toBe(0);
    expect(await t.db.prisma.outboundMessage.count({ where: { userId: `telegram:${user}` } })).toBe(1);
    expect(tg.sent('sendMessage').filter((c) => c.body.chat_id === String(user))).toHaveLength(1);
  });

  it('marks a Telegram user who blocked the bot, without retrying', async () => {
    const user = 700_003;
    tg.failures.push(`sendMessage:${user}`, FakeTelegram.blocked());
    await tgPost(telegramPayloads.text('Xin chào', { userId: user }));
    const row = await waitFor(() => t.db.prisma.recipientStatus.findUnique({ where: { userId: `telegram:${user}` } }));
    expect(row).toMatchObject({ channel: 'telegram', reason: 'blocked' });
    // The recipient is marked first, then the message: wait for the second write too.
    const out = await waitFor(async () => {
      const row = await t.db.prisma.outboundMessage.findFirst({ where: { userId: `telegram:${user}` } });
      return row?.status === 'pending' ? null : row;
    });
    expect(out).toMatchObject({ status: 'unreachable', attempts: 1 });
  });
  // The OA token race (one refresh-token use) runs on both lock kinds in reliability.e2e.test.ts.
});


describe.skipIf(!redisAvailable())('channels in polling mode (CHANNEL_MODE=polling)', () => {
  let app: TestApp;
  let ptg: FakeTelegram;
  let pzb: FakeZaloBot;
  beforeAll(async () => {
    [ptg, pzb] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start()]);
    app = await startTestApp({
      env: {
        CHANNEL_MODE: 'polling',
        TELEGRAM_BOT_TOKEN: ptg.token,
        TELEGRAM_API_ROOT: ptg.url,
        ZALO_BOT_TOKEN: pzb.token,
        ZALO_BOT_API_ROOT: pzb.url,
        SEND_PER_CHAT_INTERVAL_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([ptg?.close(), pzb?.close()]);
  });

  it('feeds Telegram getUpdates and Zalo Bot getUpdates into the same queue and answers', async () => {
    ptg.queueUpdate(telegramPayloads.text('Xin chào', { userId: 710_001, updateId: 5_000 }));
    pzb.queueUpdate(zaloBotPayloads.text('Xin chào', { userId: 'poll000000000000zbot', wrapped: false }));
    await until(() => ptg.sent('sendMessage').find((c) => c.body.chat_id === '710001' && c.body.reply_markup), 'Telegram reply via polling');
    await until(() => pzb.sent('sendMessage').find((c) => c.body.chat_id === 'poll000000000000zbot'), 'Zalo Bot reply via polling');
    expect((await fetch(`${app.app.url}/webhooks/telegram`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
