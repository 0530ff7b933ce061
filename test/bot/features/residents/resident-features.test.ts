import { describe, expect, it } from 'vitest';
import { RESIDENT_FLOW } from '../../../../bot/features/residents/resident-context.js';
import { createFakeResidentStore, event, infoEntry } from './fake-resident-store.js';
import { NOW, residentChat, scripted, translator } from './resident-chat.js';
import { createUnsubscribeFeature } from '../../../../bot/features/residents/index.js';
import { fixedClock } from '../../../../bot/core/clock.js';

const festival = event({
  id: 'ev-cn',
  title: 'Ngày hội phường Cửa Nam (thử)',
  hostUnitId: 'hn-p-cuanam',
  organizerUnitId: 'hn-p-cuanam',
  venue: 'Nhà văn hóa tổ 4 (thử)',
  startsAt: new Date('2026-12-12T07:30:00+07:00'),
  endsAt: new Date('2026-12-12T10:00:00+07:00'),
});
const pastFestival = event({ id: 'ev-old', title: 'Ngày hội Hàng Bồ (thử, đã qua)', hostUnitId: 'hk-hangbo', startsAt: new Date('2024-10-12T08:00:00+07:00'), datePrecision: 'day', status: 'done' });
const timing = infoEntry('t', 'festival_timing', { vi: 'Những năm trước thường vào tháng 10 (thử).', en: 'Usually October in past years (test).' });
const contact = infoEntry('c', 'office_contact', { vi: { office: 'Văn phòng thử', hours: 'giờ hành chính (thử)', channel: 'kênh thử' } }, { unitId: 'hn-p-cuanam', demo: true });

const readings = scripted({
  'lịch ngày hội cửa nam': { intent: 'event.query', slots: { place: 'cửa nam', eventType: 'ngay_hoi' } },
  'ngày hội hàng bồ': { intent: 'event.query', slots: { place: 'hàng bồ', eventType: 'ngay_hoi' } },
  'ngày hội tuần này ở cửa nam': { intent: 'event.query', slots: { place: 'cửa nam', eventType: 'ngay_hoi', dateRange: { from: '2026-11-23', to: '2026-11-29' } } },
  'sự kiện hoàn kiếm': { intent: 'event.query', slots: { place: 'hoàn kiếm' } },
  'sự kiện năm 2024 ở hàng bồ': { intent: 'event.query', slots: { place: 'hàng bồ', year: 2024 } },
  'ngày hội có gì': { intent: 'event.query', slots: { eventType: 'ngay_hoi' } },
  'ở chỗ nào': { intent: 'out_of_scope', confidence: 0.9 },
  'gửi xe chỗ nào': { intent: 'event.detail' },
  'nhận tin nhé': { intent: 'subscribe' },
  'hủy nhận tin': { intent: 'unsubscribe' },
  'thôi, không nhận thông báo nữa': { intent: 'out_of_scope', confidence: 0.3 },
  'gặp người thật': { intent: 'handoff.human' },
  'cảm ơn': { intent: 'thanks' },
});

describe('resident features with fake services', () => {
  it('lists an upcoming event in Vietnam time and answers follow-ups about it', async () => {
    const { store } = createFakeResidentStore({ events: [festival], info: [timing, contact] });
    const chat = residentChat(store, readings);
    const answer = await chat.say('lịch ngày hội cửa nam');
    expect(answer.text).toContain('12/12/2026 07:30–10:00 – Ngày hội phường Cửa Nam (thử), tại Nhà văn hóa tổ 4 (thử)');
    expect(chat.state.flow).toBe(RESIDENT_FLOW);
    expect((await chat.say('ở chỗ nào')).text).toContain('Địa điểm: Nhà văn hóa tổ 4 (thử)');
    const parking = await chat.say('gửi xe chỗ nào');
    expect(parking.text).toContain('Chỗ gửi xe: chưa có thông tin');
    expect(parking.text).toContain('Văn phòng thử');
  });

  it('keeps the event in view through a thank-you', async () => {
    const { store } = createFakeResidentStore({ events: [festival] });
    const chat = residentChat(store, readings);
    await chat.say('lịch ngày hội cửa nam');
    expect((await chat.say('cảm ơn')).text).toContain('Cảm ơn');
    expect((await chat.say('ở chỗ nào')).text).toContain('Nhà văn hóa tổ 4');
  });

  it('says plainly there is none in the week asked and what is coming, without contradicting itself', async () => {
    const { store } = createFakeResidentStore({ events: [festival], info: [timing] });
    const answer = await residentChat(store, readings).say('ngày hội tuần này ở cửa nam');
    expect(answer.text).toContain('Phường Cửa Nam không có ngày hội nào từ 23/11/2026 đến 29/11/2026.');
    expect(answer.text).toContain('Sắp tới ở phường Cửa Nam có:');
    // Issue 13: "I won't guess a date" next to a listed festival contradicted it.
    expect(answer.text).not.toContain('Tôi sẽ không đoán ngày');
    expect(answer.text).not.toContain('Những năm trước');
  });

  it('still gives the configured timing when nothing at all is coming', async () => {
    const { store } = createFakeResidentStore({ info: [timing] });
    const answer = await residentChat(store, readings).say('ngày hội tuần này ở cửa nam');
    expect(answer.text).toContain('Phường Cửa Nam không có ngày hội nào từ 23/11/2026 đến 29/11/2026.');
    expect(answer.text).toContain('Những năm trước thường vào tháng 10 (thử).');
    expect(answer.text).toContain('Tôi sẽ không đoán ngày');
  });

  it('never states a typical date that is not configured', async () => {
    const { store } = createFakeResidentStore();
    const answer = await residentChat(store, readings).say('ngày hội hàng bồ');
    expect(answer.text).toContain('Thời điểm tổ chức thường lệ chưa được cấu hình');
    expect(answer.text).not.toMatch(/\b\d{1,2}\/\d{1,2}\b(?!\/2025)/);
  });

  it('keeps history apart from upcoming events', async () => {
    const { store } = createFakeResidentStore({ events: [pastFestival] });
    const chat = residentChat(store, readings);
    const history = await chat.say('sự kiện năm 2024 ở hàng bồ');
    expect(history.text).toContain('12/10/2024 – Ngày hội Hàng Bồ (thử, đã qua) (đã diễn ra)');
    const upcoming = await chat.say('ngày hội hàng bồ');
    expect(upcoming.text).toContain('chưa có lịch ngày hội');
    expect(upcoming.text).toContain('Lần gần nhất được lưu (đã diễn ra)');
  });

  it('asks between the old district and the new ward of the same name', async () => {
    const { store } = createFakeResidentStore();
    const question = await residentChat(store, readings).say('sự kiện hoàn kiếm');
    expect(question.buttons?.map((b) => b.value)).toEqual(['res:pick:hn-p-hoankiem', 'res:pick:hn-q-hoankiem']);
  });

  it('asks which ward when no place is known, then takes a typed ward name', async () => {
    const { store } = createFakeResidentStore({ events: [festival] });
    const chat = residentChat(store, readings);
    expect((await chat.say('ngày hội có gì')).text).toContain('phường nào');
    expect((await chat.say('Cửa Nam')).text).toContain('12/12/2026 07:30–10:00');
  });

  it('subscribes to the ward in view with consent recorded, and unsubscribes even without the NLU', async () => {
    const { store, subscriptions, consents } = createFakeResidentStore({ events: [festival] });
    const chat = residentChat(store, readings, {}, 'zalo-oa');
    await chat.say('lịch ngày hội cửa nam');
    expect((await chat.say('nhận tin nhé')).text).toContain('phường Cửa Nam');
    expect(subscriptions.get('zalo-oa:u1')).toMatchObject({ unitsOfInterest: ['hn-p-cuanam'], active: true });
    expect(consents[0]).toMatchObject({ action: 'opt_in', input: { channel: 'zalo-oa' } });
    expect((await chat.say('thôi, không nhận thông báo nữa')).text).toContain('Đã hủy nhận tin');
    expect(subscriptions.get('zalo-oa:u1')?.active).toBe(false);
  });

  it('unsubscribes in the middle of a question and leaves another feature’s flow alone', async () => {
    const { store, subscriptions } = createFakeResidentStore();
    const chat = residentChat(store, readings);
    await chat.press('menu:subscribe');
    await chat.say('Cửa Nam');
    expect((await chat.say('sự kiện hoàn kiếm')).text).toContain('Bạn hỏi đơn vị nào?');
    expect((await chat.say('hủy nhận tin')).text).toContain('Đã hủy nhận tin');
    expect(subscriptions.get('console:u1')?.active).toBe(false);

    const feature = createUnsubscribeFeature({ clock: fixedClock(NOW), translator, understand: readings });
    const state = { version: 3, flow: 'cadre.register', step: 'title', data: { draft: { title: 'x' } }, lastButtons: null, expiresAt: null };
    const turn = { event: { channel: 'telegram' as const, eventId: 'x', userId: 'telegram:9', chatId: '9', kind: 'text' as const, text: 'stop', at: NOW }, user: { userId: 'telegram:9', role: 'cadre' as const, unitId: null, locale: 'vi' as const, displayName: null }, state, now: new Date(NOW), text: 'stop', choice: null, services: { residents: store } };
    const outcome = await feature.handle(turn);
    expect(outcome?.replies[0]?.text).toContain('chưa đăng ký nhận tin');
    expect(outcome?.state).toMatchObject({ flow: 'cadre.register', step: 'title', data: { draft: { title: 'x' } } });

    // A bare "thôi" that the language layer reads as unsubscribe still belongs to the
    // registration flow (it cancels that flow), not to the notices.
    const sure = createUnsubscribeFeature({ clock: fixedClock(NOW), translator, understand: () => ({ intent: 'unsubscribe', confidence: 0.98, slots: {} }) });
    expect(await sure.handle({ ...turn, event: { ...turn.event, text: 'thôi' }, text: 'thôi' })).toBeNull();
  });

  it('subscribes an old ward’s resident to its successor and explains why', async () => {
    const { store, subscriptions } = createFakeResidentStore();
    const chat = residentChat(store, readings, { unitId: 'hk-hangbo' });
    const reply = await chat.press('menu:subscribe');
    expect(reply.text).toContain('Phường Hàng Bồ (cũ) nay thuộc phường Hoàn Kiếm');
    expect(subscriptions.get('console:u1')?.unitsOfInterest).toEqual(['hn-p-hoankiem']);
  });

  it('gives the configured office contact, or says it is not configured', async () => {
    const configured = residentChat(createFakeResidentStore({ info: [contact] }).store, readings, { unitId: 'hn-p-cuanam' });
    const reply = await configured.say('gặp người thật');
    expect(reply.text).toContain('Văn phòng thử');
    expect(reply.text).toContain('dữ liệu minh họa');
    const bare = residentChat(createFakeResidentStore().store, readings, { unitId: 'hn-p-hoankiem' });
    expect((await bare.say('gặp người thật')).text).toContain('chưa được cấu hình');
  });

  it('answers in English for an English user', async () => {
    const { store } = createFakeResidentStore({ events: [festival] });
    const answer = await residentChat(store, readings, { locale: 'en' }).say('lịch ngày hội cửa nam');
    expect(answer.text).toContain('Schedule (festival) in Cửa Nam ward (upcoming):');
    expect(answer.text).toContain('12/12/2026 07:30–10:00');
  });

  it('masks a phone number even if configuration held one', async () => {
    const leaky = infoEntry('c2', 'office_contact', { vi: { office: 'Văn phòng 0912 345 678', hours: 'x', channel: 'y' } }, { unitId: 'hn-p-cuanam' });
    const reply = await residentChat(createFakeResidentStore({ info: [leaky] }).store, readings, { unitId: 'hn-p-cuanam' }).say('gặp người thật');
    expect(reply.text).not.toContain('0912 345 678');
  });
});
