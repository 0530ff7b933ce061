import { describe, expect, it } from 'vitest';
import { checkBody, lacksDiacritics } from '../../../../../bot/features/staff/broadcast/body-guards.js';

describe('announcement body guards', () => {
  it('refuses personal phone numbers in any common spelling, masked in the reason', () => {
    expect(checkBody('Liên hệ 0912 345 678', [])).toEqual({ problem: 'phone', masked: '0912xxx678' });
    expect(checkBody('Liên hệ +84 912.345.678', [])).toEqual({ problem: 'phone', masked: '0912xxx678' });
    expect(checkBody('Gọi 0243.825.3536 nhé', [])).toMatchObject({ problem: 'phone' });
  });
  it('lets the configured office hotline pass, however it is written', () => {
    expect(checkBody('Đường dây nóng: 024 3825 3536', ['02438253536'])).toBeNull();
    expect(checkBody('Đường dây nóng: +84 24 3825 3536', ['024 3825 3536'])).toBeNull();
  });
  it('refuses a 12-digit CCCD number but not dates, times or decision numbers', () => {
    expect(checkBody('CCCD 001085012345', [])).toEqual({ problem: 'cccd' });
    expect(checkBody('Quyết định 1656/QĐ-UBND ngày 15/10/2026 lúc 9h00', [])).toBeNull();
  });
  it('checks the length: 1–2,000 characters', () => {
    expect(checkBody('   ', [])).toEqual({ problem: 'empty' });
    expect(checkBody('a'.repeat(2001), [])).toEqual({ problem: 'too-long', length: 2001 });
    expect(checkBody('a'.repeat(2000), [])).toBeNull();
  });
  it('tells text typed without marks from Vietnamese with marks', () => {
    expect(lacksDiacritics('Le tuyen duong mo hinh')).toBe(true);
    expect(lacksDiacritics('Lễ tuyên dương mô hình')).toBe(false);
  });
});
