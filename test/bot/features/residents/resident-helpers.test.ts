import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventQueryFromSlots, splitAtNow } from '../../../../bot/features/residents/event-window.js';
import { detailAspect, isBareDetailQuestion } from '../../../../bot/features/residents/follow-up-aspect.js';
import { interestCovers, currentSuccessors } from '../../../../bot/features/residents/unit-scope.js';
import { topicsFromText } from '../../../../bot/features/residents/subscribe-answer.js';
import { formatWhen } from '../../../../bot/features/residents/event-format.js';
import { foldText } from '../../../../bot/core/fold.js';
import { createNluUnderstanding } from '../../../../bot/conversation/nlu-understanding.js';
import { createFakeResidentStore, event } from './fake-resident-store.js';

const now = new Date('2026-11-23T09:00:00+07:00');

describe('event periods', () => {
  it('turns a day slot into that day in Vietnam time', () => {
    const q = eventQueryFromSlots({ date: '2026-11-28', eventType: 'hoi_thi' });
    expect(q).toMatchObject({ period: 'date', from: '2026-11-27T17:00:00.000Z', to: '2026-11-28T17:00:00.000Z' });
    expect(q.types).toEqual(['hoi_thi', 'hoi_thi_so_khao', 'hoi_thi_chung_khao']);
  });

  it('splits "năm nay" into what is still to come and what is history', () => {
    const { upcoming, history } = splitAtNow(eventQueryFromSlots({ year: 2026 }), now);
    expect(upcoming?.from).toEqual(now);
    expect(history?.to).toEqual(now);
    expect(splitAtNow(eventQueryFromSlots({ year: 2024 }), now).upcoming).toBeNull();
    expect(splitAtNow(eventQueryFromSlots({}), now)).toEqual({ upcoming: { from: now, to: null }, history: null });
  });

  it('shows a date only as precisely as it is recorded', () => {
    expect(formatWhen(event({ id: 'a', title: 'a', startsAt: new Date('2026-12-06T01:00:00Z'), endsAt: new Date('2026-12-06T04:00:00Z') }))).toBe('06/12/2026 08:00–11:00');
    expect(formatWhen(event({ id: 'b', title: 'b', dateText: '2022-10', datePrecision: 'month' }))).toBe('10/2022');
    expect(formatWhen(event({ id: 'c', title: 'c', dateText: '2023', datePrecision: 'year' }))).toBe('2023');
  });
});

describe('follow-up questions', () => {
  it.each([
    ['o dau vay a', 'venue'],
    ['may gio thi bat dau', 'time'],
    ['co can dang ky truoc khong', 'registration'],
    ['gui xe o dau', 'parking'],
  ])('"%s" asks about %s', (text, aspect) => {
    expect(detailAspect(text)).toBe(aspect);
    expect(isBareDetailQuestion(text)).toBe(true);
  });

  it('does not take another errand with "ở đâu" for a follow-up', () => {
    expect(isBareDetailQuestion(foldText('làm căn cước ở đâu'))).toBe(false);
  });
});

describe('subscriptions across the 2025 reform', () => {
  const { tree } = createFakeResidentStore();
  it('routes an old ward’s interest to its successors, and a split ward to each part', () => {
    expect(interestCovers(tree, 'hk-hangbo', 'hn-p-hoankiem', '2026-11-23')).toBe(true);
    expect(interestCovers(tree, 'hk-hangbo', 'hn-p-cuanam', '2026-11-23')).toBe(false);
    expect(interestCovers(tree, 'hk-hangtrong', 'hn-p-cuanam', '2026-11-23')).toBe(true);
    expect(interestCovers(tree, 'hn', 'hn-p-cuanam', '2026-11-23')).toBe(true);
  });

  it('passes an old district on to its wards’ successors', () => {
    const district = tree.get('hn-q-hoankiem')!;
    expect(currentSuccessors(tree, district, '2026-11-23').map((s) => s.unit.id).sort()).toEqual(['hn-p-cuanam', 'hn-p-hoankiem', 'hn-p-hongha']);
  });

  it('reads the topics asked for', () => {
    expect(topicsFromText('dang ky nhan tin cong nhan')).toEqual(['recognitions']);
    expect(topicsFromText('nhac toi truoc ngay hoi')).toEqual(['events']);
    expect(topicsFromText('dang ky nhan tin')).toEqual(['events', 'recognitions']);
  });
});

describe('language', () => {
  it('has every resident key in Vietnamese and English', () => {
    const keys = (locale: string) =>
      readFileSync(path.resolve(import.meta.dirname, `../../../../locales/${locale}/residents.ftl`), 'utf8')
        .split('\n')
        .filter((line) => /^res-[a-z0-9-]+ =/.test(line))
        .map((line) => line.split(' ')[0])
        .sort();
    expect(keys('en')).toEqual(keys('vi'));
    expect(keys('vi').length).toBeGreaterThan(50);
  });

  it('reads with the NLU role of the chat role', () => {
    const roles: string[] = [];
    const nlu = {
      understand: (_text: string, options: { role: string }) => {
        roles.push(options.role);
        return { intent: 'greeting' as const, confidence: 0.9, alternatives: [], slots: { place: 'x' }, normalized: '' };
      },
    };
    const understand = createNluUnderstanding(nlu);
    const user = { userId: 'u', unitId: null, locale: 'vi' as const, displayName: null };
    expect(understand('hi', { ...user, role: 'approver' })).toMatchObject({ intent: 'greeting', slots: { place: 'x' } });
    understand('hi', { ...user, role: 'resident' });
    expect(roles).toEqual(['staff', 'resident']);
  });
});
