import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../bot/nlu/normalize.js';

const n = normalizeText;

describe('normalizeText — folding', () => {
  it('lower-cases and strips marks from NFC and NFD input alike', () => {
    expect(n('Đăng Ký Mô Hình')).toBe('dang ky mo hinh');
    expect(n('Đăng Ký Mô Hình'.normalize('NFD'))).toBe('dang ky mo hinh');
  });
  it('maps đ/Đ to d', () => {
    expect(n('Đoàn đội')).toBe('doan doi');
  });
  it('collapses letters repeated three or more times, keeps doubles (Telex)', () => {
    expect(n('nhaaaa')).toBe('nha');
    expect(n('vậy ạaaaa')).toBe('vay a');
  });
  it('drops emoji, punctuation and decoration', () => {
    expect(n('🎉🎉 ngày hội *** dân vận!!! 👍')).toBe('ngay hoi dan van');
  });
  it('returns an empty string for blank input', () => {
    expect(n('   ')).toBe('');
  });
});

describe('normalizeText — unconverted Telex and VNI', () => {
  it('converts Telex leakage', () => {
    expect(n('ddang kys')).toBe('dang ky');
    expect(n('dduwowcj')).toBe('duoc');
    expect(n('hinhf')).toBe('hinh');
    expect(n('nhaajn thoong baos')).toBe('nhan thong bao');
  });
  it('converts VNI digits', () => {
    expect(n('d9a8ng ky1')).toBe('dang ky');
    expect(n('ho65i')).toBe('hoi');
  });
  it('leaves English words, codes and numbered wards alone', () => {
    expect(n('hello stop')).toBe('hello stop');
    expect(n('p25')).toBe('phuong 25');
    expect(n('t7')).toBe('thu bay');
  });
});

describe('normalizeText — wrong tone marks', () => {
  it('reads "đang ký" like "đăng ký" (same folded form)', () => {
    expect(n('đang ký mô hình')).toBe(n('đăng ký mô hình'));
  });
  it('treats kí and ký, li and lý as the same', () => {
    expect(n('đăng kí')).toBe('dang ky');
    expect(n('dang ki')).toBe('dang ky');
    expect(n('quản lí')).toBe('quan ly');
  });
});

describe('normalizeText — abbreviations and teencode (domain.md §3.0)', () => {
  const cases: Array<[string, string]> = [
    ['dvk', 'dan van kheo'],
    ['mh moi', 'mo hinh moi'],
    ['dk mh', 'dang ky mo hinh'],
    ['đk nhận tin', 'dang ky nhan tin'],
    ['lam dk ko', 'lam duoc khong'],
    ['dc ko', 'duoc khong'],
    ['đc không', 'duoc khong'],
    ['co ko', 'co khong'],
    ['co k', 'co khong'],
    ['co kh', 'co khong'],
    ['co hok', 'co khong'],
    ['có hông', 'co khong'],
    ['co khum', 'co khong'],
    ['lam j', 'lam gi'],
    ['bn nguoi', 'bao nhieu nguoi'],
    ['lam ntn', 'lam nhu the nao'],
    ['bh la', 'bay gio la'],
    ['hnay', 'hom nay'],
    ['hum nay', 'hom nay'],
    ['trc 1 ngay', 'truoc 1 ngay'],
    ['sao z', 'sao vay'],
    ['sao v', 'sao vay'],
    ['xong r', 'xong roi'],
    ['xong rùi', 'xong roi'],
    ['noi vs ad', 'noi voi admin'],
    ['ng that', 'nguoi that'],
    ['sdt', 'so dien thoai'],
    ['tk zalo', 'tai khoan zalo'],
    ['nop bc', 'nop bao cao'],
    ['soan tb', 'soan thong bao'],
    ['tdp so 3', 'to dan pho so 3'],
    ['kp 2', 'khu pho 2'],
    ['p hang bo', 'phuong hang bo'],
    ['p. Hàng Bồ', 'phuong hang bo'],
    ['P.25', 'phuong 25'],
    ['q hoan kiem', 'quan hoan kiem'],
    ['q.1', 'quan 1'],
    ['tp hcm', 'thanh pho ho chi minh'],
    ['ko bik', 'khong biet'],
    ['hay wá', 'hay qua'],
    ['tks ad', 'cam on admin'],
    ['oki', 'ok'],
    ['t7 cn', 'thu bay chu nhat'],
    ['mh cn', 'mo hinh ca nhan'],
    ['e chao ad', 'em chao admin'],
  ];
  it.each(cases)('%s → %s', (typed, folded) => {
    expect(n(typed)).toBe(folded);
  });
  it('keeps a sentence-final "a" as the politeness particle ạ, not "anh"', () => {
    expect(n('cam on a')).toBe('cam on a');
  });
  it('does not read the ward Hồng Hà as "không"', () => {
    expect(n('phuong hong ha')).toBe('phuong hong ha');
  });
});

describe('normalizeText — numbers, times and codes', () => {
  it('keeps times and dates in one spelling', () => {
    expect(n('9h')).toBe('9h');
    expect(n('8h30')).toBe('8h30');
    expect(n('8:30')).toBe('8h30');
    expect(n('15-10-2026')).toBe('15/10/2026');
    expect(n('15.10')).toBe('15/10');
  });
  it('joins registration codes typed with spaces', () => {
    expect(n('tra cuu dvk 2026 cn 17')).toBe('tra cuu dvk-2026-cn-017');
    expect(n('DVK-2026-HK-042')).toBe('dvk-2026-hk-042');
  });
});
