import { describe, expect, it } from 'vitest';
import { parseStaffReportRequest } from '../../../../bot/features/staff/staff-report-request.js';

const parse = (text: string) => parseStaffReportRequest(text, 2026);

describe('parseStaffReportRequest', () => {
  it.each([
    ['xuất danh sách mô hình năm 2026 ra excel', { kind: 'export', what: 'registrations', format: 'xlsx', year: 2026 }],
    ['xuat ds mo hinh 2025 ra file csv', { kind: 'export', what: 'registrations', format: 'csv', year: 2025 }],
    ['Xuất danh sách công nhận năm ngoái', { kind: 'export', what: 'recognitions', format: 'xlsx', year: 2025 }],
    ['xuất báo cáo sơ kết ra excel', { kind: 'export', what: 'reports', format: 'xlsx', year: 2026 }],
    ['xuất thống kê năm nay ra excel', { kind: 'export', what: 'statistics', format: 'xlsx', year: 2026 }],
    ['tải về file excel danh sách hồ sơ', { kind: 'export', what: 'registrations', format: 'xlsx', year: 2026 }],
    ['thống kê mô hình của phường năm nay', { kind: 'statistics', year: 2026 }],
    ['thong ke nam 2024', { kind: 'statistics', year: 2024 }],
    ['số liệu năm trước', { kind: 'statistics', year: 2025 }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    'xin chào',
    'đăng ký mô hình "Ngõ phố xanh"',
    'hồ sơ chờ duyệt',
    'phường Cửa Nam có mô hình nào được công nhận năm 2026',
    'xuất sắc', // "xuat sac" is praise, not an export
    '',
  ])('leaves "%s" to the other features', (text) => {
    expect(parse(text)).toBeNull();
  });
});
