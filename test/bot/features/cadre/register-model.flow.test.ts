import { describe, expect, it } from 'vitest';
import { createBot } from '../../../../bot/create-bot.js';
import { fixedClock } from '../../../../bot/core/clock.js';
import { emptyConversationState, type ConversationState } from '../../../../bot/conversation/conversation-state.js';
import { createNluUnderstanding } from '../../../../bot/conversation/nlu-understanding.js';
import type { InboundEvent } from '../../../../bot/core/inbound-event.js';
import type { ChatIdentity } from '../../../../bot/core/identity.js';
import type { OutboundMessage } from '../../../../bot/core/outbound-message.js';
import type { BotServices } from '../../../../bot/services.js';
import { createTranslator } from '../../../../bot/i18n/translator.js';
import { createNlu } from '../../../../bot/nlu/index.js';
import { LOCALES_DIR } from '../../../../runtime/start-application.js';
import { createFakeCadreApi } from './fake-cadre-api.js';

const clock = fixedClock('2026-03-10T09:00:00+07:00');
const bot = createBot({ clock, translator: createTranslator({ localesDir: LOCALES_DIR }), understand: createNluUnderstanding(createNlu({ clock })) });

/** Runs turns through the real bot with in-memory services, carrying the state like the worker does. */
function conversation(locale: 'vi' | 'en' = 'vi') {
  const fake = createFakeCadreApi();
  const user: ChatIdentity = { userId: 'console:an', role: 'cadre', unitId: 'hn-p-cuanam', locale, displayName: null };
  let state: ConversationState = emptyConversationState();
  let n = 0;
  async function send(kind: InboundEvent['kind'], value?: string): Promise<OutboundMessage> {
    n += 1;
    const event: InboundEvent = { channel: 'console', eventId: `e${n}`, userId: user.userId, chatId: 'an', kind, ...(kind === 'button' ? { payload: value } : value !== undefined ? { text: value } : {}), at: clock.now().toISOString() };
    const out = await bot.handle({ event, user, state, services: { cadre: fake.api } as BotServices });
    state = { ...out.state, version: state.version + 1 };
    expect(out.replies).toHaveLength(1);
    return out.replies[0]!;
  }
  return { fake, say: (text: string) => send('text', text), press: (value: string) => send('button', value), sticker: () => send('sticker'), voice: () => send('voice'), state: () => state };
}

describe('register-model flow (in-memory services)', () => {
  it('answers a voice note or a sticker with "please type" and keeps the step', async () => {
    const c = conversation();
    await c.say('đăng ký mô hình');
    await c.say('Khéo trong vận động người dân phân loại rác tại nguồn');
    const voice = await c.voice();
    expect(voice.text).toContain('chỉ đọc được tin nhắn chữ');
    expect(voice.buttons).toHaveLength(4);
    const sticker = await c.sticker();
    expect(sticker.text).toContain('chỉ đọc được tin nhắn chữ');
    expect(c.state().step).toBe('category');
    const next = await c.say('2');
    expect(next.text).toContain('Bước 3/7');
    expect((c.state().data as { draft: { category: string } }).draft.category).toBe('dien_hinh');
  });

  it('cancels on "thôi" and "dừng" at any step, keeping the draft, and resumes on "tiếp tục"', async () => {
    const c = conversation();
    await c.say('đăng ký mô hình');
    await c.say('Khéo trong vận động người dân phân loại rác tại nguồn');
    let r = await c.say('thôi');
    expect(r.text).toContain('bản nháp được lưu 30 ngày');
    expect([...c.fake.drafts.values()][0]!.title).toBe('Khéo trong vận động người dân phân loại rác tại nguồn');
    r = await c.say('tiếp tục');
    expect(r.text).toContain('Bước 2/7');
    r = await c.press('cat:mo_hinh');
    r = await c.say('dừng');
    expect(r.text).toContain('bản nháp được lưu 30 ngày');
    expect([...c.fake.drafts.values()][0]!.category).toBe('mo_hinh');
  });

  it('never applies the diacritics suggestion silently: "Sửa lại" asks the title again', async () => {
    const c = conversation();
    await c.say('đăng ký mô hình');
    const suggested = await c.say('kheo trong van dong nguoi dan phan loai rac tai nguon');
    expect(suggested.text).toContain('«Khéo trong vận động người dân phân loại rác tại nguồn»');
    expect((c.state().data as { draft: { title: string } }).draft.title).toBe('kheo trong van dong nguoi dan phan loai rac tai nguon');
    const again = await c.press('title:retype');
    expect(again.text).toContain('Bước 1/7');
  });

  it('speaks English to an English-speaking cadre and submits through the services', async () => {
    const c = conversation('en');
    let r = await c.say('đăng ký mô hình "Khéo trong vận động giữ gìn ngõ phố sạch đẹp"');
    expect(r.text).toContain('Step 2/7');
    r = await c.press('cat:giai_phap');
    r = await c.press('subj:own');
    r = await c.press('field:kinh_te');
    r = await c.say('bỏ qua');
    r = await c.say('Residents sweep the alley every Saturday and sort their waste at home.');
    r = await c.press('contact:ok');
    expect(r.text).toContain('REGISTRATION SUMMARY');
    expect(r.text).toContain('Solution – Collective: Cửa Nam');
    r = await c.press('reg:submit');
    expect(r.text).toContain('SUBMITTED. Code: DVK-2026-CN-017');
    expect(c.fake.submitted[0]!.fields).toMatchObject({ category: 'giai_phap', field: 'kinh_te', subjectUnitId: 'hn-p-cuanam', startDate: null });
  });

  it('leaves turns alone when no cadre services are wired', async () => {
    const event: InboundEvent = { channel: 'console', eventId: 'x', userId: 'console:x', chatId: 'x', kind: 'text', text: 'đăng ký mô hình', at: clock.now().toISOString() };
    const out = await bot.handle({ event, user: { userId: 'console:x', role: 'cadre', unitId: null, locale: 'vi', displayName: null }, state: emptyConversationState(), services: {} as BotServices });
    expect(out.replies[0]!.text).not.toContain('Bước 1/7');
  });
});
