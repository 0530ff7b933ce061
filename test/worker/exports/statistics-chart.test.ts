import { describe, expect, it } from 'vitest';
import type { UnitYearStatistics } from '../../../bot/domain/unit-year-statistics.js';
import { statisticsPng, statisticsSvg, type ChartLabels } from '../../../worker/exports/statistics-chart.js';

const labels: ChartLabels = {
  title: 'Thống kê Cửa Nam năm 2026',
  byStatus: 'Hồ sơ theo trạng thái',
  byField: 'Hồ sơ theo lĩnh vực',
  byTier: 'Công nhận theo cấp',
  reports: 'Báo cáo',
  reportsDue: 'Đến hạn',
  reportsFiled: 'Đã nộp',
  subscribers: 'Người nhận tin theo kênh',
  empty: 'Chưa có số liệu.',
};

const stats: UnitYearStatistics = {
  unitId: 'hn-p-cuanam',
  unitName: 'Cửa Nam',
  year: 2026,
  registrations: {
    total: 6,
    byStatus: [
      { code: 'submitted', label: 'Chờ tiếp nhận', count: 4 },
      { code: 'recognized', label: 'Đã được công nhận', count: 2 },
    ],
    byCategory: [{ code: 'mo_hinh', label: 'Mô hình', count: 6 }],
    byField: [{ code: 'kinh_te', label: 'Kinh tế & <khác>', count: 6 }],
    byTier: [],
  },
  recognitions: 2,
  reports: { due: 3, filedOfDue: 1, filed: 1, late: 0 },
  subscribersByChannel: [{ code: 'telegram', label: 'Telegram', count: 5 }],
};

describe('statistics chart', () => {
  it('draws one bar per figure, longest for the largest, with Vietnamese labels escaped', () => {
    const svg = statisticsSvg(stats, labels);
    expect(svg).toContain('Thống kê Cửa Nam năm 2026');
    expect(svg).toContain('Kinh tế &amp; &lt;khác&gt;');
    expect(svg).not.toContain('Công nhận theo cấp'); // empty group left out
    const widths = [...svg.matchAll(/<rect x="300" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(6);
    expect(widths[0]).toBeGreaterThan(widths[1]!); // 4 submitted > 2 recognised
  });

  it('says so when there is nothing to draw', () => {
    const empty = { ...stats, registrations: { ...stats.registrations, byStatus: [], byField: [] }, reports: { due: 0, filedOfDue: 0, filed: 0, late: 0 }, subscribersByChannel: [] };
    const svg = statisticsSvg(empty, labels);
    expect(svg).toContain('Chưa có số liệu.');
    expect(svg).not.toContain('<rect x="300"');
  });

  it('rasterises to a PNG with the packaged fonts', async () => {
    const png = await statisticsPng(stats, labels);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.length).toBeGreaterThan(5_000); // text and bars drawn, not a blank page
  });
});
