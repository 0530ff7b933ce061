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
import { createInvitedCadre, until } from './channel-e2e-helpers.js';

/**
 * Issue 13 item 3: a cadre registers a model with two photos and a PDF through the
 * real Telegram webhook; the worker fetches each file from the (fake) platform,
 * stores it, and the files show in the summary, the reviewer's card and the export.
 */
const TG_SECRET = 'tg_secret_for_attachment_tests';
const ZB_SECRET = 'zb_secret_for_attachment_tests';
const ADMIN_TOKEN = 'admin-token-for-attachment-tests';

/** The first bytes that make a file what it claims to be (the type check reads them). */
const JPEG = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000 + n, n)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30_000, 7)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 1)]);

let t: TestApp;
let tg: FakeTelegram;
/** The registration the first test submits (the report test files a report for it). */
let registeredCode = '';
let zb: FakeZaloBot;

type Reply = TelegramReply;
const { messages: tgMessages, post: tgPost } = telegramTranscript({ baseUrl: () => t.app.url, fake: () => tg, secret: TG_SECRET });
const say = (text: string, user: number) => tgPost(telegramPayloads.message({ text }, { userId: user }), user);
function press(reply: Reply, labelPart: string, user: number): Promise<Reply> {
  const button = reply.buttons.find((b) => b.text.includes(labelPart));
  expect(button, `no button "${labelPart}" in ${JSON.stringify(reply.buttons)}`).toBeDefined();
  return tgPost(telegramPayloads.callback(button!.callback_data, [reply.buttons], { userId: user }), user);
}
function sendPhoto(user: number, fileId: string, opts: { caption?: string; size?: number } = {}): Promise<Reply> {
  const photo = [{ file_id: `${fileId}-small`, width: 90, height: 90 }, { file_id: fileId, width: 800, height: 600, ...(opts.size ? { file_size: opts.size } : {}) }];
  return tgPost(telegramPayloads.message({ photo, ...(opts.caption ? { caption: opts.caption } : {}) }, { userId: user }), user);
}
function sendDocument(user: number, fileId: string, fileName: string, mimeType: string, caption?: string): Promise<Reply> {
  return tgPost(telegramPayloads.message({ document: { file_id: fileId, file_name: fileName, mime_type: mimeType }, ...(caption ? { caption } : {}) }, { userId: user }), user);
}

/** Links the Telegram user to a fresh cadre of Cửa Nam through the invite deep link. */
async function linkCadre(user: number, id: string, code: string): Promise<void> {
  await createInvitedCadre(t.db.prisma, { id, fullName: 'Nguyễn Thị Lan', position: 'Bí thư Đoàn phường', unitId: 'hn-p-cuanam', code });
  const confirm = await say(`/start ${code}`, user);
  expect((await press(confirm, 'Đúng', user)).text).toContain('Đã liên kết tài khoản');
}

/** Steps 1–5 of the registration, up to the description step that invites files. */
async function upToDescription(user: number, title: string): Promise<Reply> {
  let r = await say(`đăng ký mô hình "${title}"`, user);
  if (r.text.includes('thêm dấu')) r = await press(r, 'Giữ nguyên', user);
  expect(r.text).toContain('Bước 2/7');
  r = await say('1', user);
  expect(r.text).toContain('Bước 3/7');
  r = await say('1', user);
  expect(r.text).toContain('Bước 4/7');
  r = await say('2', user);
  expect(r.text).toContain('Bước 5/7');
  r = await say('bỏ qua', user);
  expect(r.text).toContain('Bước 6/7');
  return r;
}

describe.skipIf(!redisAvailable())('attachments during registration through the real webhooks (issue 13)', () => {
  beforeAll(async () => {
    [tg, zb] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start()]);
    t = await startTestApp({
      clock: manualClock(MARCH_10),
      env: {
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
        TELEGRAM_API_ROOT: tg.url,
        ZALO_BOT_TOKEN: zb.token,
        ZALO_BOT_WEBHOOK_SECRET: ZB_SECRET,
        ZALO_BOT_API_ROOT: zb.url,
        SEND_PER_CHAT_INTERVAL_MS: '20',
        ADMIN_TOKEN,
      },
    });
    await runSeed(t.db.prisma);
  });
  afterAll(async () => {
    await t?.stop();
    await Promise.all([tg?.close(), zb?.close()]);
  });

  it('Telegram: two photos and a PDF are fetched, stored, listed in the summary, the reviewer card and the export', async () => {
    const user = 740_001;
    await linkCadre(user, 'cb-att-lan', 'AT7K2Q');
    tg.addFile('ph-1', 'photos/file_1.jpg', JPEG(1));
    tg.addFile('ph-2', 'photos/file_2.jpg', JPEG(2));
    tg.addFile('doc-1', 'documents/file_3.pdf', PDF);

    const ask = await upToDescription(user, 'Khéo trong giữ gìn ngõ phố xanh sạch đẹp');
    expect(ask.text).toContain('tối đa 10 MB');
    expect(ask.text).toContain('pdf, docx, xlsx');

    // A bare photo: stored, and the same step asked again.
    let r = await sendPhoto(user, 'ph-1');
    expect(r.text).toContain('Đã nhận 1 tệp');
    expect(r.text).toContain('Hồ sơ hiện có 1 tệp đính kèm');
    expect(r.text).toContain('Bước 6/7');
    r = await sendPhoto(user, 'ph-2');
    expect(r.text).toContain('Hồ sơ hiện có 2 tệp đính kèm');
    // A PDF whose caption is the description: the caption answers step 6.
    r = await sendDocument(user, 'doc-1', 'Kế hoạch ngõ xanh.pdf', 'application/pdf', 'Đoàn viên chia nhóm, mỗi sáng chủ nhật dọn rác các ngõ và vận động hộ dân phân loại rác.');
    expect(r.text).toContain('Đã nhận 1 tệp: Kế hoạch ngõ xanh.pdf');
    expect(r.text).toContain('Hồ sơ hiện có 3 tệp đính kèm');
    expect(r.text).toContain('Bước 7/7');

    const summary = await press(r, 'Đúng', user);
    expect(summary.text).toContain('TÓM TẮT ĐĂNG KÝ');
    expect(summary.text).toContain('Tệp đính kèm (3)');
    expect(summary.text).toContain('Kế hoạch ngõ xanh.pdf (29 KB)');
    expect(summary.text).toMatch(/anh-[0-9a-f]{8}\.jpg \(2 KB\), anh-[0-9a-f]{8}\.jpg/);
    const sent = await press(summary, 'Gửi', user);
    const code = /DVK-\d{4}-[A-Z]+-\d{3,}/.exec(sent.text)?.[0];
    expect(code, sent.text).toBeDefined();
    registeredCode = code!;

    // Stored durably, linked to the registration, byte for byte.
    const registration = await t.db.prisma.registration.findUniqueOrThrow({ where: { code: code! } });
    const files = await t.db.prisma.attachment.findMany({ where: { registrationId: registration.id }, orderBy: { createdAt: 'asc' } });
    expect(files.map((f) => [f.kind, f.contentType])).toEqual([
      ['image', 'image/jpeg'],
      ['image', 'image/jpeg'],
      ['document', 'application/pdf'],
    ]);
    expect(Buffer.from(files[2]!.bytes).equals(PDF)).toBe(true);
    expect(files[2]!.fileName).toBe('Kế hoạch ngõ xanh.pdf');
    expect(files.every((f) => f.ownerUserId === `telegram:${user}`)).toBe(true);
    expect(tg.sent('getFile')).toHaveLength(3);

    // The reviewer's card lists them.
    const reviewer = 'demo-reviewer-cuanam';
    await t.console.user(reviewer, { role: 'reviewer', unitId: 'hn-p-cuanam' });
    const id = await t.console.press(reviewer, `rv:open:${registration.id}`);
    const [card] = await t.console.answersTo(reviewer, id);
    expect(card!.text).toContain(code!);
    expect(card!.text).toContain('Tệp đính kèm (3)');
    expect(card!.text).toContain('Kế hoạch ngõ xanh.pdf');

    // The office opens them from /admin: the list, then each file under its own name.
    const admin = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    const listed = (await (await fetch(`${t.app.url}/admin/api/registrations/${registration.id}/attachments`, admin)).json()) as { attachments: Array<{ id: string; url: string; fileName: string }> };
    expect(listed.attachments.map((a) => a.fileName)).toContain('Kế hoạch ngõ xanh.pdf');
    const pdfUrl = listed.attachments.find((a) => a.fileName.endsWith('.pdf'))!.url;
    const download = await fetch(`${t.app.url}${pdfUrl}`, admin);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${t.app.url}${pdfUrl}`)).status).toBe(401);

    // The export counts them.
    const res = await fetch(`${t.app.url}/admin/exports/registrations.csv?unit=hn-p-cuanam&year=2026`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    const column = header!.split(',').findIndex((h) => h.replace(/"/g, '') === 'Tệp đính kèm');
    expect(column).toBeGreaterThan(0);
    const row = rows.find((line) => line.includes(code!));
    expect(row!.split(',')[column]).toBe('3');
  });

  it('Telegram: a report filed with a PDF whose caption is the results keeps the file, linked to the report and counted in the export', async () => {
    expect(registeredCode).not.toBe('');
    const user = 740_001;
    const reviewer = 'demo-reviewer-cuanam';
    await t.console.user(reviewer, { role: 'reviewer', unitId: 'hn-p-cuanam' });
    const opened = await t.console.press(reviewer, `rv:open:${(await t.db.prisma.registration.findUniqueOrThrow({ where: { code: registeredCode } })).id}`);
    expect((await t.console.answersTo(reviewer, opened))[0]!.text).toContain(registeredCode);
    const accepted = await t.console.press(reviewer, 'rv:do:accept');
    expect((await t.console.answersTo(reviewer, accepted))[0]!.text).toContain(registeredCode);
    tg.addFile('doc-report', 'documents/file_20.pdf', PDF);

    let r = await say(`nộp báo cáo sơ kết ${registeredCode}`, user);
    expect(r.text).toContain('Kết quả nổi bật');
    expect(r.text).toContain('tối đa 10 MB');
    r = await sendDocument(user, 'doc-report', 'Báo cáo sơ kết.pdf', 'application/pdf', '14 buổi ra quân, 620 hộ dân tham gia, 35 đoàn viên');
    expect(r.text).toContain('Đã nhận 1 tệp: Báo cáo sơ kết.pdf');
    expect(r.text).toContain('Khó khăn');
    r = await say('ko', user);
    r = await say('không', user);
    expect(r.text).toContain('Đã nộp báo cáo sơ kết 6 tháng');
    expect(r.text).toContain('Tệp đính kèm (1): Báo cáo sơ kết.pdf');

    const registration = await t.db.prisma.registration.findUniqueOrThrow({ where: { code: registeredCode } });
    const report = await t.db.prisma.reportSubmission.findFirstOrThrow({ where: { registrationId: registration.id } });
    const file = await t.db.prisma.attachment.findFirstOrThrow({ where: { reportId: report.id } });
    expect(file).toMatchObject({ fileName: 'Báo cáo sơ kết.pdf', contentType: 'application/pdf', registrationId: null });
    const res = await fetch(`${t.app.url}/admin/exports/reports.csv?unit=hn-p-cuanam&year=2026`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const [header, ...rows] = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const column = header!.split(',').findIndex((h) => h.replace(/"/g, '') === 'Tệp đính kèm');
    const row = rows.find((line) => line.includes(registeredCode));
    expect(row!.split(',').at(column - header!.split(',').length)).toBe('1');
  });

  it('Telegram: a revision takes the evidence as photos; they are added to the registration on resubmission', async () => {
    const user = 740_004;
    await linkCadre(user, 'cb-att-rev', 'AT5K6T');
    await upToDescription(user, 'Khéo trong vận động hộ dân lắp đèn ngõ');
    let r = await say('Tổ dân phố vận động các hộ góp tiền lắp đèn chiếu sáng cho ba ngõ tối.', user);
    r = await press(r, 'Đúng', user);
    const code = /DVK-\d{4}-[A-Z]+-\d{3,}/.exec((await press(r, 'Gửi', user)).text)![0];
    const registration = await t.db.prisma.registration.findUniqueOrThrow({ where: { code } });

    const reviewer = 'demo-reviewer-cuanam';
    await t.console.user(reviewer, { role: 'reviewer', unitId: 'hn-p-cuanam' });
    await t.console.answersTo(reviewer, await t.console.press(reviewer, `rv:open:${registration.id}`));
    await t.console.answersTo(reviewer, await t.console.press(reviewer, 'rv:do:return'));
    const returned = await t.console.say(reviewer, 'Đề nghị bổ sung minh chứng kết quả: ảnh đèn đã lắp.');
    expect(returned.map((m) => m.text).join('\n')).toContain(`Đã trả lại hồ sơ ${code}`);

    // The cadre's notice and status list lead to "Bổ sung hồ sơ".
    await until(() => tgMessages(user).find((m) => m.text.includes('cần BỔ SUNG')), 'the return notice');
    const status = await say(`hồ sơ ${code} tới đâu rồi`, user);
    r = await press(status, 'Bổ sung hồ sơ', user);
    expect(r.text).toContain('kết quả, minh chứng');
    expect(r.text).toContain('Có thể gửi kèm ảnh hoặc tệp');
    tg.addFile('ph-lamp', 'photos/file_30.jpg', JPEG(30));
    r = await sendPhoto(user, 'ph-lamp');
    expect(r.text).toContain('Đã nhận 1 tệp');
    expect(r.text).toContain('kết quả, minh chứng');
    r = await say('Đã lắp 24 đèn ở 3 ngõ, 56 hộ góp tiền.', user);
    expect(r.text).toContain(`Đã gửi lại hồ sơ ${code}`);
    const files = await t.db.prisma.attachment.findMany({ where: { registrationId: registration.id } });
    expect(files).toHaveLength(1);
    const row = await t.db.prisma.registration.findUniqueOrThrow({ where: { id: registration.id } });
    expect((row.attachments as Array<{ id: string }>).map((a) => a.id)).toEqual([files[0]!.id]);
  });

  it('Telegram: a failed download asks to send again and loses nothing; wrong type and oversize files are refused with the limits', async () => {
    const user = 740_002;
    await linkCadre(user, 'cb-att-binh', 'AT8K3R');
    tg.addFile('ph-ok', 'photos/file_9.jpg', JPEG(9));
    tg.addFile('exe-1', 'documents/file_10.exe', EXE);
    await upToDescription(user, 'Khéo trong vận động hộ dân lắp camera an ninh');

    tg.failures.push('getFile', FakeTelegram.serverError());
    let r = await sendPhoto(user, 'ph-ok');
    expect(r.text).toContain('chưa tải được tệp');
    expect(r.text).toContain('Bước 6/7');
    expect(await t.db.prisma.attachment.count({ where: { ownerUserId: `telegram:${user}` } })).toBe(0);
    // Sent again: kept, and the step is still the description.
    r = await sendPhoto(user, 'ph-ok');
    expect(r.text).toContain('Hồ sơ hiện có 1 tệp đính kèm');
    expect(r.text).toContain('Bước 6/7');

    r = await sendDocument(user, 'exe-1', 'setup.exe', 'application/octet-stream');
    expect(r.text).toContain('Không nhận «setup.exe»');
    expect(r.text).toContain('tối đa 10 MB');
    // Telegram says the size up front: a 12 MB photo is refused without downloading it.
    const calls = tg.sent('getFile').length;
    r = await sendPhoto(user, 'ph-huge', { size: 12 * 1024 * 1024 });
    expect(r.text).toContain('lớn hơn 10 MB');
    expect(tg.sent('getFile')).toHaveLength(calls);
    expect(await t.db.prisma.attachment.count({ where: { ownerUserId: `telegram:${user}` } })).toBe(1);
  });

  it('Zalo Bot: a photo sent during registration is downloaded from its URL and listed in the summary', async () => {
    const user = 'att0000000000000zbot';
    let seen = 0;
    async function zbPost(body: Record<string, unknown>): Promise<string> {
      const res = await fetch(`${t.app.url}/webhooks/zalo-bot`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': ZB_SECRET }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      const mine = () => zb.sent('sendMessage').filter((c) => c.body.chat_id === user);
      await until(() => (mine().length > seen ? true : undefined), 'Zalo Bot reply');
      const fresh = mine().slice(seen).map((c) => String(c.body.text));
      seen = mine().length;
      return fresh.join('\n');
    }
    const zsay = (text: string) => zbPost(zaloBotPayloads.text(text, { userId: user }));
    await createInvitedCadre(t.db.prisma, { id: 'cb-att-zb', fullName: 'Trần Văn Cường', position: 'Cán bộ', unitId: 'hn-p-cuanam', code: 'AT9K4S' });
    expect(await zsay('dang ky mo hinh')).toContain('MÃ MỜI');
    expect(await zsay('AT9K4S')).toContain('Trần Văn Cường');
    // Linked, the registration asked for at first goes on with step 1.
    expect(await zsay('1')).toContain('Bước 1/7');
    let r = await zsay('Khéo trong chăm lo người cao tuổi neo đơn');
    for (const answer of ['1', '1', '2', 'bỏ qua']) r = await zsay(answer);
    expect(r).toContain('Bước 6/7');

    const url = zb.addMedia('abc123.jpg', JPEG(5));
    r = await zbPost(zaloBotPayloads.text('', { userId: user, eventName: 'message.image.received', fields: { photo_url: url } }));
    expect(r).toContain('Hồ sơ hiện có 1 tệp đính kèm');
    r = await zsay('Hội viên thay phiên thăm hỏi, nấu cơm và đưa đón người cao tuổi neo đơn đi khám.');
    expect(r).toContain('Bước 7/7');
    r = await zsay('1');
    expect(r).toMatch(/Tệp đính kèm \(1\): anh-[0-9a-f]{8}\.jpg/);
    const stored = await t.db.prisma.attachment.findFirstOrThrow({ where: { ownerUserId: `zalo-bot:${user}` } });
    expect(Buffer.from(stored.bytes).equals(JPEG(5))).toBe(true);
  });
});
