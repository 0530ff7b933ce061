import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../bot/core/clock.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable } from '../helpers/test-redis.js';
import type { ConsoleMessage } from '../helpers/console-client.js';

/**
 * Issue 16 (understanding, round two), one transcript per class of miss, through the real pipeline (console →
 * queue → worker → outbox) with the product's own NLU, at the eval clock: Wednesday 7/10/2026, 10:00 in Hà Nội.
 * Messages are our own wording, in none of the labelled sets.
 */
const NOW = '2026-10-07T10:00:00+07:00';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(NOW), queue: redisAvailable() ? 'redis' : 'postgres' });
  await runSeed(t.db.prisma);
});

afterAll(async () => {
  await t?.stop();
});

async function say(user: string, fields: { role: string; unitId?: string; locale?: string }, text: string): Promise<ConsoleMessage> {
  await t.console.user(user, fields);
  const replies = await t.console.say(user, text);
  expect(replies, JSON.stringify(replies.map((r) => r.text))).toHaveLength(1);
  return replies[0]!;
}

const values = (m: ConsoleMessage) => m.buttons.map((b) => b.value);
const resident = { role: 'resident' };
const cadre = { role: 'cadre', unitId: 'hn-p-cuanam' };

describe('an explicit tier word decides the place', () => {
  it('"phường Bình Thạnh" is the ward: no choice with the abolished district', async () => {
    const r = await say('tier-ward', resident, 'ở phường Bình Thạnh năm nay có làm ngày hội dân vận khéo không');
    expect(r.text).toContain('Phường Bình Thạnh');
    expect(values(r)).toContain('res:sub:hcm-p-binhthanh');
    expect(values(r)).not.toContain('res:pick:hcm-q-binhthanh');
  });

  it('"Bình Thạnh" alone still asks which one', async () => {
    const r = await say('tier-bare', resident, 'Bình Thạnh có ngày hội dân vận khéo không');
    expect(values(r)).toEqual(expect.arrayContaining(['res:pick:hcm-p-binhthanh', 'res:pick:hcm-q-binhthanh']));
  });

  it('"P. Hoàn Kiếm" answers for today’s ward', async () => {
    const r = await say('tier-abbrev', resident, 'P. Hoàn Kiếm tháng này có sự kiện gì');
    expect(r.text).toContain('phường Hoàn Kiếm');
    expect(values(r)).toContain('res:sub:hn-p-hoankiem');
    expect(values(r)).not.toContain('res:pick:hn-q-hoankiem');
  });

  it('"khu phố 3 phường Bình Thạnh" keeps the ward', async () => {
    const r = await say('tier-kp', resident, 'khu phố 3 phường Bình Thạnh có tổ chức ngày hội không');
    expect(values(r)).toContain('res:sub:hcm-p-binhthanh');
  });

  it('a place typed in Telex is converted and resolved', async () => {
    const r = await say('telex', resident, 'ngayf hooij ow phuwowngf hoongf haf bao giowf');
    expect(r.text).toContain('Phường Hồng Hà');
    expect(values(r)).toContain('res:sub:hn-p-hongha');
  });
});

describe('the act comes first, the tacked-on question is not lost', () => {
  it('a resident asking to be told and when: subscribed first, then the question answered in the same turn', async () => {
    await t.console.user('two-acts-res', resident);
    const [act, question, ...rest] = await t.console.say('two-acts-res', 'báo tôi khi phường Hồng Hà có ngày hội nhé, mà năm nay tổ chức hôm nào', 2);
    expect(rest).toHaveLength(0);
    expect(act!.text).toContain('Đã đăng ký nhận tin sự kiện của phường Hồng Hà');
    expect(question!.text).toContain('Phường Hồng Hà hiện chưa có lịch');
  });

  it('a cadre registering with a quoted title and a deadline question: the registration starts with the title', async () => {
    const r = await say('two-acts-cadre', cadre, 'dk mh "Camera an ninh ngõ 12" cho tổ dân phố số 4, hạn nộp đến bao giờ ạ');
    expect(r.text).toContain('Bước 2/7');
  });

  it('an unquoted title is taken from the first message (and "tự quản" is no place)', async () => {
    const r = await say('title-inferred', cadre, 'đăng ký mô hình tổ tự quản pccc khu tập thể cho chi hội phụ nữ');
    expect(r.text).not.toContain('Bước 1/7');
    expect(r.text).toContain('Bước 2/7');
  });
});

describe('contrasts of issue 16', () => {
  it('"where do I register" for the movement starts a registration', async () => {
    const r = await say('where-register', cadre, 'muốn tham gia phong trào dân vận khéo thì đăng ký ở chỗ nào ạ');
    expect(r.text).toContain('Bước 1/7');
  });

  it('an obligation question gets the process, not a report filing', async () => {
    const r = await say('obligation', cadre, 'báo cáo có bắt buộc gửi hàng quý không hay chỉ cuối năm');
    expect(r.text).toContain('Quy trình xét công nhận');
    expect(r.text).toContain('báo cáo sơ kết 6 tháng');
  });

  it('correcting one field is an edit of one’s registration, not a request for a person', async () => {
    const r = await say('edit-field', cadre, 'em ghi nhầm số điện thoại liên hệ trong hồ sơ, sửa giúp em');
    expect(r.text).toContain('không có hồ sơ nào đang "Cần bổ sung"');
  });

  it('counting recognitions lists what was recognised, not the award rules', async () => {
    const r = await say('count', cadre, 'năm ngoái phường Hoàn Kiếm được bao nhiêu giấy khen');
    expect(r.text).toContain('đã được công nhận ở phường Hoàn Kiếm (3)');
  });

  it('the meaning of 15/10 is explained from data, not the year’s rhythm', async () => {
    const r = await say('date-meaning', resident, '15/10 là ngày gì mà hằng năm đều tổ chức vậy');
    expect(r.text).toMatch(/^Ngày 15\/10: Ngày truyền thống công tác Dân vận của Đảng \(từ năm 1930\)/);
    expect(r.text).not.toContain('Nhịp phong trào trong năm');
  });
});

describe('English for the common intents', () => {
  const en = { role: 'resident', locale: 'en' };

  it('asks about a festival in a ward', async () => {
    const r = await say('en-events', en, 'when is the next festival in Hong Ha ward');
    expect(r.text).toContain('Hồng Hà');
    expect(values(r)).toContain('res:sub:hn-p-hongha');
  });

  it('subscribes and unsubscribes', async () => {
    let r = await say('en-sub', en, 'please notify me about events in Hong Ha ward');
    expect(values(r).concat(r.text)).not.toContain('res:pick:hn-q-hoankiem');
    expect(r.text).toContain('Hồng Hà');
    r = await say('en-sub', en, 'stop sending me messages');
    expect(r.text.toLowerCase()).toContain('unsubscribed');
  });

  it('a cadre registers a model in English', async () => {
    const r = await say('en-register', { ...cadre, locale: 'en' }, 'I want to register a new model');
    expect(r.text).toContain('Step 1/7');
  });

  it('asks for help', async () => {
    const r = await say('en-help', en, 'what can you do?');
    expect(r.text).not.toBe('');
    expect(values(r).length).toBeGreaterThan(0);
  });
});
