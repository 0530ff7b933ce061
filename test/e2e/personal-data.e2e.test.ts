import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../bot/core/clock.js';
import { createNluUnderstanding } from '../../bot/conversation/nlu-understanding.js';
import { createNlu } from '../../bot/nlu/index.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { createLogger } from '../../runtime/logger.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../fakes/zalo-oa.fake.js';
import { zaloOaPayloads, telegramPayloads } from '../fakes/payloads.js';
import { fakeChannelEnv } from '../fakes/fake-channel-env.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { seedSubscribers, waitForStatus } from '../worker/broadcast/broadcast-fixtures.js';
import { registerModel } from './cadre-e2e-helpers.js';

/**
 * Issue 12 item 6: the transcripts that carry personal data run with every log
 * line captured (level debug): a cadre linking an account (typing a phone) and
 * registering a model whose summary carries a phone, a resident subscribing and
 * sending a phone and a CCCD, staff composing broadcasts with a personal phone,
 * a CCCD and then a clean body sent to subscribers, and webhooks carrying the
 * channel secrets. The test fails if a phone number, a 12-digit CCCD number, a
 * token or a secret appears in any log line, or if a person's phone or CCCD is in
 * a message that went to anyone else.
 */
const NOW = '2026-11-23T09:00:00+07:00';
const clock = fixedClock(NOW);
const UNIT = 'hn-p-cuanam';
const SECRETS = { telegram: 'tg_webhook_secret_pd_9f3a', zaloBot: 'zb_webhook_secret_pd_77c1', zaloOa: 'oa-secret-key-pd-31d0' };
const ADMIN_TOKEN = 'admin-token-pd-5be2c1d9';

/** Vietnamese mobiles, spaced or not (bot/core/mask-phone.ts has the same shape). */
const PHONE = /(?<![\d+])(?:\+?84|0)[\s.-]?[35789](?:[\s.-]?\d){8}(?!\d)/;
const CCCD = /(?<!\d)\d{12}(?!\d)/;

/** Each piece of personal data the transcripts type, and whose it is. */
const PERSONAL = [
  { value: '0912345678', owner: 'console:pd-lan', what: "the cadre's phone (cadre record)" },
  { value: '0987654321', owner: 'console:pd-lan', what: 'a phone the cadre typed into a summary' },
  { value: '0903111222', owner: 'console:pd-res', what: "a resident's phone" },
  { value: '001203004567', owner: 'console:pd-res', what: "a resident's CCCD" },
  { value: '0933444555', owner: 'telegram:7001', what: 'a phone sent by Telegram' },
];
const digits = (text: string) => text.replace(/[\s.-]/g, '');

describe('personal data never leaks into logs or to other people', () => {
  let t: TestApp;
  const lines: string[] = [];
  let fakes: { tg: FakeTelegram; zb: FakeZaloBot; oa: FakeZaloOa };

  beforeAll(async () => {
    fakes = { tg: await new FakeTelegram().start(), zb: await new FakeZaloBot().start(), oa: await new FakeZaloOa(zaloOaPayloads.appId).start() };
    const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
    t = await startTestApp({
      clock,
      logger,
      understand: createNluUnderstanding(createNlu({ clock })),
      env: { ...fakeChannelEnv(fakes, SECRETS), ADMIN_TOKEN, BROADCAST_HOTLINE: '024 3825 3536', SEND_PER_CHAT_INTERVAL_MS: '0' },
    });
    const db = t.db.prisma;
    await runSeed(db);
    await db.cadre.create({ data: { id: 'cb-pd-lan', fullName: 'Nguyễn Thị Lan', position: 'Bí thư Đoàn phường', phoneE164: '+84912345678', unitId: UNIT, status: 'active' } });
    await db.cadreRole.create({ data: { cadreId: 'cb-pd-lan', role: 'cadre', scopeUnitId: UNIT } });
    await db.inviteCode.create({ data: { code: 'PD7Q2X', cadreId: 'cb-pd-lan', expiresAt: new Date('2026-12-20T00:00:00Z') } });
    await seedSubscribers(db, { unitId: UNIT, perChannel: { console: 3 }, prefix: 'pdres', now: new Date(NOW) });
  }, 90_000);
  afterAll(async () => {
    await t?.stop();
    await Promise.all([fakes?.tg.close(), fakes?.zb.close(), fakes?.oa.close()]);
  });

  it('runs the transcripts', async () => {
    const c = t.console;
    // A cadre links the account (typing a phone first: never trusted) and registers a model.
    await c.user('pd-lan');
    await c.say('pd-lan', 'dk mo hinh dan van kheo');
    await c.say('pd-lan', 'số em là 0912 345 678');
    await c.say('pd-lan', 'PD7Q2X');
    await c.say('pd-lan', 'đúng');
    await c.say('pd-lan', 'hủy');
    await registerModel(t, 'pd-lan', 'Ngõ phố sạch', 'Tổ dân phố cùng làm, mỗi tháng một buổi; liên hệ chị Lan 0987.654.321 để tham gia.');
    // A reviewer of the ward sees the new registration.
    await c.user('pd-rev', { role: 'reviewer', unitId: UNIT });
    const [list] = await c.say('pd-rev', 'hồ sơ chờ duyệt');
    const open = list!.buttons.find((b) => b.value.startsWith('rv:open:'));
    expect(open, list!.text).toBeDefined();
    const [card] = await c.answersTo('pd-rev', await c.press('pd-rev', open!.value));
    expect(card!.text).toContain('liên hệ chị Lan'); // the summary is on the reviewer's card

    // A resident subscribes, then sends a phone and a CCCD.
    await c.user('pd-res');
    await c.say('pd-res', 'đăng ký nhận tin phường Cửa Nam');
    await c.say('pd-res', 'sdt của tôi 0903 111 222, gọi lại giúp');
    await c.say('pd-res', 'cccd của tôi là 001203004567, làm lại căn cước ở đâu');

    // Staff: a personal phone and a CCCD in the body are refused; a clean body goes out.
    await c.user('pd-bc', { role: 'broadcaster', unitId: UNIT, displayName: 'Cán bộ truyền thông' });
    await c.say('pd-bc', 'soạn thông báo');
    await c.answersTo('pd-bc', await c.press('pd-bc', 'bc:kind:recognition'));
    await c.say('pd-bc', '1');
    await c.say('pd-bc', 'Gặp chị Lan 0912345678 để nhận giấy khen');
    await c.say('pd-bc', 'Mang CCCD 001203004567 đến nhận giấy khen');
    await c.say('pd-bc', 'Phường Cửa Nam tuyên dương mô hình "Ngõ phố sạch". Hotline 024 3825 3536.');
    await c.answersTo('pd-bc', await c.press('pd-bc', 'bc:send'));
    const broadcast = await t.db.prisma.broadcast.findFirstOrThrow({ where: { authorUserId: 'console:pd-bc' } });
    await waitForStatus(t.db.prisma, broadcast.id, 'done');

    // Webhooks with the channel secrets (and one with a wrong one); an admin call with its token.
    const post = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${t.app.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
    await post('/webhooks/telegram', telegramPayloads.text('số tôi 0933444555', { userId: 7001, updateId: 7001 }), { 'x-telegram-bot-api-secret-token': SECRETS.telegram });
    await post('/webhooks/telegram', telegramPayloads.text('xin chào', { userId: 7002, updateId: 7002 }), { 'x-telegram-bot-api-secret-token': 'wrong_secret_pd' });
    // The platform refuses a send and echoes the text in its error description (logged by the send worker).
    fakes.tg.failures.push('sendMessage', { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: can't parse message text: cccd 001203004567, sdt 0933444555" } });
    await post('/webhooks/telegram', telegramPayloads.text('xin chào', { userId: 7003, updateId: 7003 }), { 'x-telegram-bot-api-secret-token': SECRETS.telegram });
    const refusedLogged = Date.now() + 15_000;
    // Logged by the turn that sent the reply (send-replies-now.ts) or, for a queued reply, by the send worker.
    const refusal = (l: string) => l.includes('platform rejected the request') || l.includes('send failed');
    while (!lines.some(refusal) && Date.now() < refusedLogged) await new Promise((r) => setTimeout(r, 50));
    expect(lines.some(refusal), 'the refused send was logged').toBe(true);
    // Authentic but not an update: logged (reason only) and kept aside.
    await post('/webhooks/telegram', { note: 'gọi 0933444555, cccd 001203004567' }, { 'x-telegram-bot-api-secret-token': SECRETS.telegram });
    await fetch(`${t.app.url}/admin/api/dead-letters`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const deadline = Date.now() + 15_000;
    while (fakes.tg.sent('sendMessage').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fakes.tg.sent('sendMessage').length).toBeGreaterThan(0);
  }, 120_000);

  it('no log line carries a phone, a CCCD, a token or a secret', () => {
    const secrets = [SECRETS.telegram, SECRETS.zaloBot, SECRETS.zaloOa, ADMIN_TOKEN, fakes.tg.token, fakes.zb.token, fakes.oa.appSecret, 'oa-access-0', 'oa-refresh-0'];
    const tokenSecretParts = [fakes.tg.token.split(':')[1]!, fakes.zb.token.split(':')[1]!];
    const leaks = lines.flatMap((line) => {
      const found: string[] = [];
      if (PHONE.test(line)) found.push(`phone ${PHONE.exec(line)![0]}`);
      if (CCCD.test(line)) found.push(`CCCD ${CCCD.exec(line)![0]}`);
      for (const s of [...secrets, ...tokenSecretParts]) if (line.includes(s)) found.push(`secret ${s.slice(0, 6)}…`);
      return found.length > 0 ? [`${found.join(', ')} in ${line.slice(0, 300)}`] : [];
    });
    console.log(`[personal data] ${lines.length} log lines scanned, ${leaks.length} leaks`);
    // The scan saw the paths that log request data: accepted, refused and rejected webhooks, a broadcast.
    for (const msg of ['webhook accepted', 'webhook refused', 'broadcast planned']) expect(lines.some((l) => l.includes(`"msg":"${msg}`)), msg).toBe(true);
    expect(lines.some((l) => l.includes('reject')), 'a rejected update was logged').toBe(true);
    expect(leaks).toEqual([]);
  });

  it('no message to someone else carries a person’s phone or CCCD', async () => {
    const rows = await t.db.prisma.outboundMessage.findMany({ select: { userId: true, text: true } });
    const sent = [
      ...rows,
      ...fakes.tg.sent('sendMessage').map((call) => ({ userId: `telegram:${String(call.body.chat_id)}`, text: String(call.body.text ?? '') })),
    ];
    const leaks = sent.flatMap((row) =>
      PERSONAL.filter((p) => row.userId !== p.owner && digits(row.text).includes(p.value.slice(1))).map((p) => `${p.what} sent to ${row.userId}: ${row.text.slice(0, 200)}`),
    );
    const unmaskedToOwner = sent.filter((row) => PHONE.test(row.text) && !row.text.includes('024 3825 3536'));
    console.log(`[personal data] ${sent.length} messages scanned, ${leaks.length} leaks`);
    expect(sent.length).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
    // Replies mask phone numbers even to their owner (rule of the developers' guide).
    expect(unmaskedToOwner.map((r) => `${r.userId}: ${r.text.slice(0, 200)}`)).toEqual([]);
  });
});
