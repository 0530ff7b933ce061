import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramPayloads, zaloBotPayloads } from '../fakes/payloads.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { insertRegistration, seedDomainBasics } from '../worker/store/store-fixtures.js';

/**
 * Staff take their unit's files and figures by chat: the file itself on the console
 * and Telegram (sendDocument / sendPhoto), a one-time link on Zalo Bot; a cadre
 * without a reviewing role is told why; a resident's "thống kê" is not taken over.
 */
const TG_SECRET = 'tg_secret_for_staff_reports';
const ZB_SECRET = 'zb_secret_for_staff_reports';
const clock = { now: () => new Date('2026-11-25T03:00:00Z') };


describe('exports and statistics by chat', () => {
  let db: TestDatabase;
  let t: TestApp;
  let tg: FakeTelegram;
  let zb: FakeZaloBot;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    await insertRegistration(db.prisma, 'recognized', { title: 'Ngõ phố xanh – sạch – đẹp' });
    await insertRegistration(db.prisma, 'submitted');
    await insertRegistration(db.prisma, 'submitted', { subjectUnitId: 'hn-p-hoankiem' });
    // Telegram and Zalo Bot accounts already bound (invite code) to the demo reviewer of Cửa Nam.
    for (const [channel, platformUserId] of [['telegram', '720001'], ['zalo-bot', 'zb-reviewer-1']] as const) {
      await db.prisma.chatUser.create({
        data: { id: `${channel}:${platformUserId}`, channel, platformUserId, chatId: platformUserId, role: 'reviewer', unitId: 'hn-p-cuanam', cadreId: 'demo-reviewer-cuanam' },
      });
    }
    [tg, zb] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start()]);
    t = await startTestApp({
      database: db,
      clock,
      env: {
        TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: tg.url,
        ZALO_BOT_TOKEN: zb.token, ZALO_BOT_WEBHOOK_SECRET: ZB_SECRET, ZALO_BOT_API_ROOT: zb.url,
        SEND_PER_CHAT_INTERVAL_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await Promise.all([tg?.close(), zb?.close()]);
    await db?.drop();
  });

  it('console reviewer: "xuất danh sách mô hình năm 2026 ra excel" gets the .xlsx of the ward', async () => {
    await t.console.user('rv-console', { role: 'reviewer', unitId: 'hn-p-cuanam' });
    const [reply] = await t.console.say('rv-console', 'xuất danh sách mô hình năm 2026 ra excel');
    expect(reply!.text).toContain('Cửa Nam');
    expect(reply!.text).toContain('2 dòng');
    expect(reply!.file).toMatchObject({ kind: 'document', filename: 'dang-ky-2026-hn-p-cuanam.xlsx' });
    const download = await fetch(`${t.app.url}${reply!.file!.url}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('Mã hồ sơ');
    expect(workbook.worksheets[0]!.rowCount).toBe(3);
  });

  it('console reviewer: "thống kê mô hình của phường năm nay" gets the figures and the chart', async () => {
    await t.console.user('rv-stats', { role: 'reviewer', unitId: 'hn-p-cuanam' });
    const [reply] = await t.console.say('rv-stats', 'thống kê mô hình của phường năm nay');
    expect(reply!.text).toContain('Thống kê Cửa Nam năm 2026');
    expect(reply!.text).toContain('Hồ sơ đăng ký: 2');
    expect(reply!.file?.kind).toBe('image');
    const png = Buffer.from(await (await fetch(`${t.app.url}${reply!.file!.url}`)).arrayBuffer());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('a cadre without a reviewing role is told who may export', async () => {
    await t.console.user('cadre-only', { role: 'cadre', unitId: 'hn-p-cuanam' });
    const [reply] = await t.console.say('cadre-only', 'xuất danh sách mô hình ra excel');
    expect(reply!.text).toContain('dành cho bộ phận tiếp nhận');
    expect(reply!.file ?? null).toBeNull();
  });

  it('a resident asking for "thống kê" is left to the other features', async () => {
    await t.console.user('resident-stats', { role: 'resident' });
    const [reply] = await t.console.say('resident-stats', 'thống kê mô hình phường Cửa Nam năm nay');
    expect(reply!.text).not.toContain('Thống kê Cửa Nam năm 2026');
    expect(reply!.file ?? null).toBeNull();
  });

  it('Telegram reviewer: the text, then the .xlsx through sendDocument', async () => {
    const res = await fetch(`${t.app.url}/webhooks/telegram`, {
      method: 'POST',
      body: JSON.stringify(telegramPayloads.text('xuat ds mo hinh 2026 ra excel', { userId: 720001 })),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
    });
    expect(res.status).toBe(200);
    const doc = await until(() => tg.sent('sendDocument').find((c) => String(c.body.chat_id) === '720001'), 'sendDocument');
    expect((doc.body.files as { filename: string }[])[0]!.filename).toBe('dang-ky-2026-hn-p-cuanam.xlsx');
    expect(tg.sent('sendMessage').find((c) => String(c.body.chat_id) === '720001')?.body.text).toContain('Excel');
  });

  it('Zalo Bot reviewer: a one-time link that works once', async () => {
    const res = await fetch(`${t.app.url}/webhooks/zalo-bot`, {
      method: 'POST',
      body: JSON.stringify(zaloBotPayloads.text('xuất danh sách công nhận năm 2026 ra csv', { userId: 'zb-reviewer-1' })),
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': ZB_SECRET },
    });
    expect(res.status).toBe(200);
    const message = await until(() => zb.sent('sendMessage').find((c) => c.body.chat_id === 'zb-reviewer-1'), 'Zalo Bot reply');
    const link = /\/exports\/([A-Za-z0-9_-]+)/.exec(String(message.body.text));
    expect(link).not.toBeNull();
    const first = await fetch(`${t.app.url}/exports/${link![1]}`);
    expect(first.status).toBe(200);
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toContain('Cấp công nhận');
    expect((await fetch(`${t.app.url}/exports/${link![1]}`)).status).toBe(410);
  });
});
