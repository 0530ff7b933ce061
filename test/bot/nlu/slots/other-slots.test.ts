import { describe, expect, it } from 'vitest';
import { normalizeDetailed, normalizeText } from '../../../../bot/nlu/normalize.js';
import { extractCode } from '../../../../bot/nlu/slots/code.slot.js';
import { extractEdit } from '../../../../bot/nlu/slots/edit.slot.js';
import { resolveField } from '../../../../bot/nlu/slots/field.slot.js';
import { extractAudience, extractCategory, extractEventAndReport, extractSubjectType } from '../../../../bot/nlu/slots/kinds.slot.js';
import { extractTitle } from '../../../../bot/nlu/slots/title.slot.js';

describe('code', () => {
  it('canonicalises typed codes', () => {
    expect(extractCode(normalizeText('tra cứu dvk-2026-cn-17'))).toBe('DVK-2026-CN-017');
    expect(extractCode(normalizeText('DVK 2026 HK 042 sao rồi'))).toBe('DVK-2026-HK-042');
  });
});

describe('field synonyms (domain.md §2.3)', () => {
  it.each([
    ['pccc', 'quoc_phong_an_ninh'],
    ['an ninh', 'quoc_phong_an_ninh'],
    ['antt', 'quoc_phong_an_ninh'],
    ['giảm nghèo', 'kinh_te'],
    ['giao duc', 'van_hoa_xa_hoi'],
    ['y tế', 'van_hoa_xa_hoi'],
    ['moi truong', 'van_hoa_xa_hoi'],
    ['cchc', 'xay_dung_dang'],
    ['chuyển đổi số', 'xay_dung_dang'],
  ])('%s → %s', (typed, code) => {
    expect(resolveField(normalizeText(typed))).toBe(code);
  });
  it('does not read the venue "nhà văn hóa" as a field', () => {
    expect(resolveField(normalizeText('tổ chức ở nhà văn hóa'))).toBeUndefined();
  });
});

describe('event type, report kind, category, subject, audience', () => {
  it('event types', () => {
    expect(extractEventAndReport(normalizeText('ngày hội dân vận')).eventType).toBe('ngay_hoi');
    expect(extractEventAndReport(normalizeText('hội thi sơ khảo')).eventType).toBe('hoi_thi_so_khao');
    expect(extractEventAndReport(normalizeText('ngày hội đại đoàn kết')).eventType).toBe('other_movement');
    expect(extractEventAndReport(normalizeText('hủy buổi tổng kết')).eventType).toBe('tong_ket');
  });
  it('sơ kết / tổng kết as a report when a report is meant', () => {
    expect(extractEventAndReport(normalizeText('nộp báo cáo sơ kết'))).toEqual({ reportKind: 'so_ket' });
    expect(extractEventAndReport(normalizeText('nop bc tong ket'))).toEqual({ reportKind: 'tong_ket' });
  });
  it('category and subject type', () => {
    expect(extractCategory(normalizeText('dang ky giai phap'), false)).toBe('giai_phap');
    expect(extractCategory(normalizeText('dk mh'), true)).toBe('mo_hinh');
    expect(extractCategory(normalizeText('dk mh'), false)).toBeUndefined();
    expect(extractSubjectType(normalizeText('điển hình cá nhân'))).toBe('ca_nhan');
  });
  it('audience', () => {
    expect(extractAudience(normalizeText('gửi bà con'))).toBe('residents');
    expect(extractAudience(normalizeText('nhắc các chi bộ'))).toBe('cadres');
    expect(extractAudience(normalizeText('cả cán bộ và người dân'))).toBe('both');
    expect(extractAudience(normalizeText('ca hai'))).toBe('both');
  });
});

describe('quoted titles', () => {
  it.each([
    ['đăng ký «Ngõ xanh»', 'Ngõ xanh'],
    ['đăng ký “Ngõ xanh”', 'Ngõ xanh'],
    ['đăng ký "Ngõ xanh"', 'Ngõ xanh'],
  ])('%s', (text, title) => {
    expect(extractTitle(text)?.title).toBe(title);
  });
  it('skips the movement\'s own name in quotes', () => {
    expect(extractTitle('Ngày hội "Dân vận khéo"')).toBeUndefined();
  });
});

describe('edits', () => {
  const edit = (text: string) => {
    const n = normalizeDetailed(text);
    return extractEdit(n.words, n.raw, extractTitle(n.raw)?.title);
  };
  it('field through synonyms', () => {
    expect(edit('sua linh vuc thanh an ninh')).toEqual({ attribute: 'field', value: 'quoc_phong_an_ninh' });
  });
  it('category and subject type', () => {
    expect(edit('đổi loại thành giải pháp')).toEqual({ attribute: 'category', value: 'giai_phap' });
    expect(edit('doi sang ca nhan')).toEqual({ attribute: 'subject_type', value: 'ca_nhan' });
  });
  it('title from quotes, free text in the user\'s words', () => {
    expect(edit('đổi tên thành «Ngõ sạch»')).toEqual({ attribute: 'title', value: 'Ngõ sạch' });
    expect(edit('sửa người liên hệ thành chị Hoa')).toEqual({ attribute: 'contact', value: 'chị Hoa' });
  });
});
