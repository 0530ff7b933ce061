import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { zaloBotPayloads } from '../fakes/payloads.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable } from '../helpers/test-redis.js';

/**
 * A cadre on the numbered-options channel: Zalo Bot has no buttons, so every choice
 * is a typed number. Links the account with the seed's invite code and registers a
 * model end to end, through the real webhook, queue, worker and (fake) Zalo Bot API.
 */
const SECRET = 'zb_secret_for_cadre_e2e';
const USER = 'cadre0000000000zbot1';

describe.skipIf(!redisAvailable())('a cadre registers a model on Zalo Bot by typing numbers', () => {
  let t: TestApp;
  let zb: FakeZaloBot;
  let seen = 0;

  beforeAll(async () => {
    zb = await new FakeZaloBot().start();
    t = await startTestApp({
      env: { ZALO_BOT_TOKEN: zb.token, ZALO_BOT_WEBHOOK_SECRET: SECRET, ZALO_BOT_API_ROOT: zb.url, SEND_PER_CHAT_INTERVAL_MS: '20' },
    });
    await runSeed(t.db.prisma);
  });
  afterAll(async () => {
    await t?.stop();
    await zb?.close();
  });

  /** Sends a text as the Zalo user and returns what the bot sent back (all parts, joined). */
  async function say(text: string): Promise<string> {
    const response = await fetch(`${t.app.url}/webhooks/zalo-bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
      body: JSON.stringify(zaloBotPayloads.text(text, { userId: USER })),
    });
    expect(response.status).toBe(200);
    const mine = () => zb.sent('sendMessage').filter((c) => c.body.chat_id === USER);
    const deadline = Date.now() + 15_000;
    while (mine().length === seen && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    // Long replies come in several parts; a reply row is marked sent only after its
    // last part was acknowledged, so wait until none of this user's rows is pending.
    const pending = () => t.db.prisma.outboundMessage.count({ where: { userId: `zalo-bot:${USER}`, status: 'pending' } });
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const fresh = mine().slice(seen).map((c) => String(c.body.text));
    seen = mine().length;
    expect(fresh.length, `no reply to "${text}"`).toBeGreaterThan(0);
    return fresh.join('\n');
  }

  it('links with the invite code and submits, answering every choice with a number', async () => {
    let reply = await say('dang ky mo hinh dan van kheo');
    expect(reply).toContain('MÃ MỜI');
    reply = await say('demo01');
    expect(reply).toMatch(/^1\. Đúng$/m);
    reply = await say('1');
    expect(reply).toContain('Bước 1/7');
    reply = await say('Khéo trong vận động bà con giữ ngõ phố sạch đẹp');
    expect(reply).toContain('Bước 2/7');
    expect(reply).toMatch(/^1\. Mô hình$/m);
    reply = await say('1');
    expect(reply).toContain('Bước 3/7');
    reply = await say('1');
    expect(reply).toContain('Bước 4/7');
    expect(reply).toMatch(/^2\. Văn hóa – xã hội$/m);
    reply = await say('2');
    expect(reply).toContain('Bước 5/7');
    reply = await say('bỏ qua');
    expect(reply).toContain('Bước 6/7');
    reply = await say('Bà con tổ dân phố cùng trồng cây, phân loại rác và dọn ngõ mỗi sáng chủ nhật.');
    expect(reply).toContain('Bước 7/7');
    expect(reply).toContain('Phạm Minh An (demo)');
    reply = await say('1');
    expect(reply).toContain('TÓM TẮT');
    expect(reply).toMatch(/^1\. Gửi đăng ký$/m);
    reply = await say('1');
    expect(reply).toContain('Đã GỬI thành công');
    const code = /DVK-\d{4}-[A-Z]+-\d{3,}/.exec(reply)?.[0];
    expect(code).toBeDefined();
    const row = await t.db.prisma.registration.findFirst({ where: { code: code! } });
    expect(row).toMatchObject({ status: 'submitted', category: 'mo_hinh', field: 'van_hoa_xa_hoi', contactCadreId: 'demo-cadre-cuanam' });
  });
});
