import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../bot/core/clock.js';
import { CLARIFY_THRESHOLD, INTENT_LABELS, createNlu, type Nlu } from '../../../bot/nlu/index.js';

let nlu: Nlu;
beforeAll(() => {
  nlu = createNlu({ clock: fixedClock('2026-10-07T10:00:00+07:00') });
});

describe('createNlu — result contract', () => {
  it('returns a known label, a confidence in 0..1, ranked alternatives and the folded text', () => {
    const r = nlu.understand('Ngày hội dân vận khéo ở Hàng Bồ năm nay tổ chức hôm nào?', { role: 'resident' });
    expect(INTENT_LABELS).toContain(r.intent);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.alternatives.length).toBeGreaterThanOrEqual(2);
    for (const a of r.alternatives) expect(a.confidence).toBeLessThanOrEqual(r.confidence);
    expect(r.normalized).toBe('ngay hoi dan van kheo o hang bo nam nay to chuc hom nao');
  });
  it('answers a blank message with out_of_scope at confidence 0', () => {
    expect(nlu.understand('  🙂 ', { role: 'resident' })).toMatchObject({ intent: 'out_of_scope', confidence: 0 });
  });
  it('exports a clarification threshold between 0 and 1', () => {
    expect(CLARIFY_THRESHOLD).toBeGreaterThan(0);
    expect(CLARIFY_THRESHOLD).toBeLessThan(1);
  });
  it('is deterministic', () => {
    const a = nlu.understand('nhắc tôi trước hôm diễn ra nhé', { role: 'resident' });
    const b = createNlu({ clock: fixedClock('2026-10-07T10:00:00+07:00') }).understand('nhắc tôi trước hôm diễn ra nhé', { role: 'resident' });
    expect(b).toEqual(a);
  });
});

describe('createNlu — readings that depend on the object, the verb and the role', () => {
  const intent = (text: string, role: 'resident' | 'cadre' | 'staff' = 'resident') => nlu.understand(text, { role }).intent;
  it('đăng ký: a model, notices, or a contest', () => {
    expect(intent('cho em dk mh moi voi', 'cadre')).toBe('model.register');
    expect(intent('dang ky nhan tin su kien o phuong toi')).toBe('subscribe');
    expect(intent('đội mình muốn đăng ký dự thi thì làm sao', 'cadre')).toBe('contest.info');
  });
  it('hủy: one\'s registration vs notices', () => {
    expect(intent('hủy hồ sơ mô hình đã gửi', 'cadre')).toBe('model.withdraw');
    expect(intent('huy nhan thong bao giup toi')).toBe('unsubscribe');
  });
  it('thông báo / nhắc: resident asks to receive, staff writes', () => {
    expect(intent('thong bao ngay hoi cho toi nhe', 'resident')).toBe('subscribe');
    expect(intent('soan thong bao gui ba con ve ngay hoi', 'staff')).toBe('staff.broadcast_create');
    expect(intent('nhắc tôi hôm trước nhé', 'resident')).toBe('subscribe');
    expect(intent('nhắc các chi bộ nộp báo cáo', 'staff')).toBe('staff.reminder_create');
  });
  it('a resident can never land on a staff-only label', () => {
    const r = nlu.understand('doi ngay hoi sang thu 7', { role: 'resident' });
    expect(r.intent.startsWith('staff.')).toBe(false);
  });
  it('small talk', () => {
    expect(intent('chào ad')).toBe('greeting');
    expect(intent('cảm ơn nhiều ạ')).toBe('thanks');
  });
});

describe('createNlu — slots', () => {
  it('fills date, place and event type for an event question', () => {
    const r = nlu.understand('thứ 7 này có ngày hội ở phường Cửa Nam không', { role: 'resident' });
    expect(r.slots).toMatchObject({ date: '2026-10-10', eventType: 'ngay_hoi', place: 'phường Cửa Nam' });
  });
  it('fills an edit with the field code', () => {
    const r = nlu.understand('sua linh vuc thanh an ninh', { role: 'cadre' });
    expect(r.intent).toBe('model.edit');
    expect(r.slots.edit).toEqual({ attribute: 'field', value: 'quoc_phong_an_ninh' });
  });
  it('keeps the quoted title exactly as typed and does not read other slots inside it', () => {
    const r = nlu.understand('đăng ký mô hình “Ngõ an ninh xanh”', { role: 'cadre' });
    expect(r.slots.title).toBe('Ngõ an ninh xanh');
    expect(r.slots.field).toBeUndefined();
  });
});

describe('createNlu — issue 16', () => {
  const at = (text: string, role: 'resident' | 'cadre' | 'staff' = 'resident') => nlu.understand(text, { role });

  it('puts the act first and keeps the tacked-on question as secondary', () => {
    const r = at('đăng ký mô hình "Giếng làng sạch" cho chi hội nông dân, tiện hỏi hạn chót là ngày nào', 'cadre');
    expect(r.intent).toBe('model.register');
    expect(r.secondary?.intent).toBe('deadline.query');
    expect(r.slots.title).toBe('Giếng làng sạch');
    expect(at('đăng ký mô hình "Giếng làng sạch" cho chi hội nông dân', 'cadre').secondary).toBeUndefined();
  });

  it('reads English for the common intents', () => {
    expect(at('when is the next contest in my ward').intent).toBe('event.query');
    expect(at('please stop the notifications').intent).toBe('unsubscribe');
    expect(at('what is the status of my application', 'cadre').intent).toBe('model.status');
    expect(at('the festival, where is it', 'resident').normalized).toBe('the festival where is it');
  });

  it('returns place spans converted from Telex, with their qualifier ward', () => {
    expect(at('ngayf hooij ow phuwowngf taay hoof').slots.place).toBe('phường tây hồ');
    expect(at('to dan pho 6 phuong hong ha co ngay hoi khong').slots.place).toBe('to dan pho 6 phuong hong ha');
  });

  it('infers an unquoted title and does not take a piece of it as a place', () => {
    const r = at('đăng ký mô hình tổ tự quản an ninh cho chi bộ', 'cadre');
    expect(r.slots.title).toBe('tổ tự quản an ninh');
    expect(r.slots.place).toBeUndefined();
  });

  it('resolves the place to one unit when given the unit tree, honouring the tier word', async () => {
    const { createInMemoryUnitTree } = await import('../../../bot/domain/in-memory-unit-tree.js');
    const { fixtureUnitNodes } = await import('../domain/fixture-units.js');
    const withUnits = createNlu({ clock: fixedClock('2026-10-07T10:00:00+07:00'), units: createInMemoryUnitTree(fixtureUnitNodes()) });
    const place = (text: string) => withUnits.understand(text, { role: 'resident' }).slots.placeUnit;
    expect(place('phường Bình Thạnh có ngày hội không')).toEqual({ id: 'hcm-p-binhthanh', name: 'Bình Thạnh' });
    expect(place('Bình Thạnh có ngày hội không')).toBeUndefined();
    expect(place('any festival in Tay Ho ward')).toEqual({ id: 'hn-p-tayho', name: 'Tây Hồ' });
    expect(place('kp 3 p hong ha co su kien gi')).toEqual({ id: 'hn-p-hongha', name: 'Hồng Hà' });
  });
  it('with a tier word, a name shared with the old ward it took in whole is today\'s ward; without one it stays open', async () => {
    const { createInMemoryUnitTree } = await import('../../../bot/domain/in-memory-unit-tree.js');
    const { fixtureUnitNodes } = await import('../domain/fixture-units.js');
    const withUnits = createNlu({ clock: fixedClock('2026-10-07T10:00:00+07:00'), units: createInMemoryUnitTree(fixtureUnitNodes()) });
    const place = (text: string) => withUnits.understand(text, { role: 'resident' }).slots.placeUnit;
    expect(place('phường Cửa Nam có ngày hội không')).toEqual({ id: 'hn-p-cuanam', name: 'Cửa Nam' });
    expect(place('p cua nam co su kien gi')).toEqual({ id: 'hn-p-cuanam', name: 'Cửa Nam' });
    expect(place('Cửa Nam có ngày hội không')).toBeUndefined();
    // The old district of the same name as today's ward: the tier word names it, and only it.
    expect(place('quận Hoàn Kiếm có ngày hội không')).toEqual({ id: 'hn-q-hoankiem', name: 'Hoàn Kiếm' });
  });
});
