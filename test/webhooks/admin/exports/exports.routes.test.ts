import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/test-database.js';
import { insertRegistration, seedDomainBasics } from '../../../worker/store/store-fixtures.js';

const TOKEN = 'exports-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const clock = { now: () => new Date('2026-11-25T03:00:00Z') };

async function openXlsx(body: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  return workbook.worksheets[0]!;
}

function headers(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

describe('GET /admin/exports/<kind>.<xlsx|csv>', () => {
  let db: TestDatabase;
  let t: TestApp;
  const get = (path: string, headers: Record<string, string> = auth) => fetch(`${t.app.url}/admin/exports/${path}`, { headers });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    // Cửa Nam 2026: one recognised, one submitted late, one draft (not a record yet).
    const recognised = await insertRegistration(db.prisma, 'recognized', { title: 'Ngõ phố xanh – sạch – đẹp' });
    await db.prisma.registration.update({ where: { id: recognised }, data: { submittedAt: new Date('2026-03-01T20:30:00Z') } });
    const submitted = await insertRegistration(db.prisma, 'submitted', { title: 'Tổ hòa giải ở cơ sở' });
    await db.prisma.registration.update({ where: { id: submitted }, data: { late: true, field: null } });
    await insertRegistration(db.prisma, 'draft');
    await db.prisma.reportSubmission.create({
      data: {
        id: 'rep-1', registrationId: recognised, kind: 'so_ket_6_thang', period: '2026-H1', dueDate: new Date('2026-07-15T00:00:00Z'),
        submittedAt: new Date('2026-07-10T02:00:00Z'), resultsText: 'Đã trồng 120 cây xanh, 35 hộ tham gia.',
      },
    });
    // Phường Hoàn Kiếm 2026 (not in Cửa Nam's subtree) and Cửa Nam 2025 (another year).
    await insertRegistration(db.prisma, 'submitted', { subjectUnitId: 'hn-p-hoankiem' });
    await insertRegistration(db.prisma, 'accepted', { year: 2025 });
    // Former ward Hàng Bài (merged wholly into Cửa Nam on 2025-07-01), recorded in 2026 under its old name.
    const former = await insertRegistration(db.prisma, 'accepted', { subjectUnitId: 'hk-hangbai', title: 'Chợ văn minh Hàng Bài' });
    await db.prisma.registration.update({ where: { id: former }, data: { unitSnapshot: { unitId: 'hk-hangbai', name: 'Hàng Bài', label: 'Hàng Bài, Hoàn Kiếm, Hà Nội' } } });
    t = await startTestApp({ database: db, roles: ['webhooks'], clock, env: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  it('answers 401 without the admin token', async () => {
    expect((await get('registrations.xlsx?unit=hn-p-cuanam&year=2026', {})).status).toBe(401);
  });

  it('registrations.xlsx: Vietnamese headers, frozen header, autofilter, rows of the subtree and year only, real date cells', async () => {
    const res = await get('registrations.xlsx?unit=hn-p-cuanam&year=2026');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('dang-ky-2026-hn-p-cuanam.xlsx');
    const sheet = await openXlsx(await res.arrayBuffer());
    expect(headers(sheet)).toEqual(expect.arrayContaining(['Mã hồ sơ', 'Tên mô hình / điển hình', 'Đơn vị (tại thời điểm)', 'Đơn vị hiện nay', 'Trạng thái', 'Ngày gửi']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(4).width).toBe(50);
    expect(sheet.rowCount - 1).toBe(3); // recognised + submitted + the former ward's; not the draft, Hoàn Kiếm or 2025
    const col = (name: string) => headers(sheet).indexOf(name) + 1;
    const rows = [2, 3, 4].map((n) => sheet.getRow(n));
    const byTitle = (title: string) => rows.find((r) => r.getCell(col('Tên mô hình / điển hình')).value === title)!;
    const green = byTitle('Ngõ phố xanh – sạch – đẹp');
    expect(green.getCell(col('Trạng thái')).value).toBe('Đã được công nhận');
    expect(green.getCell(col('Loại')).value).toBe('Mô hình');
    // 2026-03-01T20:30Z is 03:30 on 2 March in Vietnam: a date cell showing Vietnam time.
    const submittedAt = green.getCell(col('Ngày gửi'));
    expect(submittedAt.type).toBe(ExcelJS.ValueType.Date);
    expect((submittedAt.value as Date).toISOString()).toBe('2026-03-02T03:30:00.000Z');
    expect(submittedAt.numFmt).toBe('dd/mm/yyyy hh:mm');
    const hangBai = byTitle('Chợ văn minh Hàng Bài');
    expect(hangBai.getCell(col('Đơn vị (tại thời điểm)')).value).toBe('Hàng Bài');
    expect(hangBai.getCell(col('Đơn vị hiện nay')).value).toBe('Cửa Nam');
    expect(byTitle('Tổ hòa giải ở cơ sở').getCell(col('Nộp muộn')).value).toBe('Có');
  });

  it('counts rows per scope: the city sees both wards, a ward only its own', async () => {
    const rows = async (query: string) => Number((await get(`registrations.xlsx?${query}`)).headers.get('x-export-rows'));
    expect(await rows('unit=hn&year=2026')).toBe(4);
    expect(await rows('unit=hn-p-hoankiem&year=2026')).toBe(1);
    expect(await rows('unit=hn-p-cuanam&year=2025')).toBe(1);
    const sheet = await openXlsx(await (await get('registrations.xlsx?unit=hn&year=2026')).arrayBuffer());
    expect(sheet.rowCount - 1).toBe(4);
  });

  it('recognitions.xlsx has the decision date as a date cell and the tier in words', async () => {
    const sheet = await openXlsx(await (await get('recognitions.xlsx?unit=hn-p-cuanam&year=2026')).arrayBuffer());
    expect(sheet.rowCount - 1).toBe(1);
    const col = (name: string) => headers(sheet).indexOf(name) + 1;
    const cell = sheet.getRow(2).getCell(col('Ngày quyết định'));
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect((cell.value as Date).toISOString().slice(0, 10)).toBe('2026-10-15');
    expect(sheet.getRow(2).getCell(col('Số quyết định')).value).toBe('12-QĐ/ĐU');
    expect(sheet.getRow(2).getCell(col('Trạng thái')).value).toBe('Đã công nhận');
  });

  it('reports.csv is UTF-8 with a BOM and keeps Vietnamese intact', async () => {
    const res = await get('reports.csv?unit=hn-p-cuanam&year=2026');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Mã hồ sơ,Tên mô hình / điển hình,Loại báo cáo,Kỳ,Hạn nộp,Ngày gửi,Nộp muộn');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Ngõ phố xanh – sạch – đẹp');
    expect(lines[1]).toContain('sơ kết 6 tháng');
    expect(lines[1]).toContain('15/07/2026');
    expect(lines[1]).toContain('10/07/2026 09:00');
    expect(lines[1]).toContain('"Đã trồng 120 cây xanh, 35 hộ tham gia."');
  });

  it('statistics.xlsx counts registrations by status, category and field for the subtree', async () => {
    const sheet = await openXlsx(await (await get('statistics.xlsx?unit=hn-p-cuanam&year=2026')).arrayBuffer());
    const rows = (sheet.getSheetValues() as unknown[][]).slice(2).map((r) => [r[3], r[4], r[5]]);
    expect(rows).toContainEqual(['Hồ sơ đăng ký', 'Tổng số', 3]);
    expect(rows).toContainEqual(['Theo trạng thái', 'Đã được công nhận', 1]);
    expect(rows).toContainEqual(['Theo lĩnh vực', 'Chưa ghi', 1]);
    expect(rows).toContainEqual(['Theo cấp công nhận', expect.any(String), 1]);
    expect(rows).toContainEqual(['Công nhận', 'Tổng số', 1]);
    expect(rows).toContainEqual(['Báo cáo', 'Đã nộp (tất cả)', 1]);
  });

  it('statistics.png is a PNG bar chart and /admin/api/statistics gives the same figures as JSON', async () => {
    const png = await get('statistics.png?unit=hn-p-cuanam&year=2026');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(800); // IHDR width
    const json = await fetch(`${t.app.url}/admin/api/statistics?unit=hn-p-cuanam&year=2026`, { headers: auth });
    const stats = (await json.json()) as { unitName: string; registrations: { total: number }; recognitions: number };
    expect(stats).toMatchObject({ unitName: 'Cửa Nam', registrations: { total: 3 }, recognitions: 1 });
  });

  it('explains a bad request: unknown kind, missing unit, unknown unit', async () => {
    expect((await get('everything.xlsx?unit=hn')).status).toBe(404);
    const missing = await get('registrations.csv?year=2026');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toContain('unit=');
    const unknown = await get('registrations.csv?unit=nowhere&year=2026');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('nowhere');
  });
});
