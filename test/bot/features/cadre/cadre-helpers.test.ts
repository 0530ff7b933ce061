import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editStepNumber, findRegistrationCode, isCancel, isResume, parseDayMonth, showDate } from '../../../../bot/features/cadre/cadre-text.js';
import { emptyDraft, nextMissingStep, prefillFromSlots } from '../../../../bot/features/cadre/register-model.draft.js';
import { itemsToAsk } from '../../../../bot/features/cadre/revise-model.flow.js';
import { metricsFromText } from '../../../../worker/store/cadre-revisions.store.js';
import { maskedLocalPhone } from '../../../../worker/store/cadre-identity.store.js';
import { LOCALES_DIR } from '../../../../runtime/start-application.js';
import { createFakeCadreApi } from './fake-cadre-api.js';

const now = new Date('2026-03-10T02:00:00Z');

describe('cadre text helpers', () => {
  it('reads cancel words but never a typed "đúng" as "dừng"', () => {
    for (const word of ['hủy', 'huy', 'thôi', 'Thoi!', 'dừng', 'dừng lại']) expect(isCancel(word), word).toBe(true);
    for (const word of ['đúng', 'Đúng rồi', 'thôi để như cũ', 'hủy nhận tin đi bạn ơi nhé']) expect(isCancel(word), word).toBe(false);
    expect(isResume('Tiếp tục')).toBe(true);
    expect(editStepNumber('sửa bước 2')).toBe(2);
  });

  it('parses day before month against the clock and finds codes as people type them', () => {
    expect(parseDayMonth('tu 1/3', now)).toBe('2026-03-01');
    expect(parseDayMonth('15-10-2026', now)).toBe('2026-10-15');
    expect(parseDayMonth('ngày 2 tháng 9', now)).toBe('2026-09-02');
    expect(parseDayMonth('31/2', now)).toBeNull();
    expect(showDate('2026-03-01')).toBe('01/03/2026');
    expect(findRegistrationCode('tra cuu dvk-2026-cn-17 giup em')).toBe('DVK-2026-CN-017');
  });

  it('masks phones in the 0-prefixed form cadres know', () => {
    expect(maskedLocalPhone('+84912345678')).toBe('09xx xxx 678');
    expect(maskedLocalPhone(null)).toBeNull();
  });
});

describe('registration draft', () => {
  const { profile } = createFakeCadreApi();
  it('prefills from the first message, except the everyday "mô hình"', () => {
    const plain = prefillFromSlots(emptyDraft(profile, 2026), { category: 'mo_hinh' }, profile);
    expect(plain.category).toBeNull();
    expect(nextMissingStep(plain)).toBe('title');
    const rich = prefillFromSlots(emptyDraft(profile, 2026), { title: 'Bác Tư nhặt rác bờ hồ', category: 'dien_hinh', subjectType: 'ca_nhan', field: 'xay_dung_dang' }, profile);
    expect(rich).toMatchObject({ category: 'dien_hinh', subjectType: 'ca_nhan', subjectUnitId: 'hn-p-cuanam', field: 'xay_dung_dang_he_thong_chinh_tri' });
    expect(nextMissingStep(rich)).toBe('person');
  });
});

describe('revision and reports', () => {
  it('asks only for what the reviewer named, plus a description that is still too short', () => {
    const note = { event: 'return', comment: 'Bổ sung tiêu chí đánh giá và số hộ tham gia.', at: now };
    expect(itemsToAsk({ summary: 'x'.repeat(40), lastNote: note })).toEqual(['goalsAndCriteria', 'scopeAndBeneficiaries']);
    expect(itemsToAsk({ summary: null, lastNote: note })).toEqual(['goalsAndCriteria', 'scopeAndBeneficiaries', 'summary']);
  });

  it('turns report results into metrics', () => {
    expect(metricsFromText('14 buổi thuyết minh, 620 lượt học sinh và 1.200 lượt khách')).toEqual([
      { name: 'buổi thuyết minh', value: 14, unit: null },
      { name: 'lượt học sinh', value: 620, unit: null },
      { name: 'lượt khách', value: 1200, unit: null },
    ]);
  });
});

describe('cadre locales', () => {
  it('has every key in Vietnamese and English', () => {
    const keys = (locale: string) => readFileSync(path.join(LOCALES_DIR, locale, 'cadre.ftl'), 'utf8').match(/^[a-z][\w-]*(?= =)/gm)!.sort();
    expect(keys('en')).toEqual(keys('vi'));
  });
});
