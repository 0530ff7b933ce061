import { createRequire } from 'node:module';
import path from 'node:path';
import type { StatisticCount, UnitYearStatistics } from '../../bot/domain/unit-year-statistics.js';

/** Words the chart needs (already translated), so this module stays free of the translator. */
export interface ChartLabels {
  title: string;
  byStatus: string;
  byField: string;
  byTier: string;
  reports: string;
  reportsDue: string;
  reportsFiled: string;
  subscribers: string;
  empty: string;
}

const WIDTH = 800;
const ROW = 28;
const LABEL_WIDTH = 300;
const PALETTE = ['#c62828', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a'];

// Fonts ship with the package (dejavu-fonts-ttf, Vietnamese glyphs) so the image
// looks the same on a laptop, in CI and in a slim container without system fonts.
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(FONT_DIR, file));

/**
 * A horizontal bar chart of the year's figures, one block per group, as SVG
 * (hand-built: a few rectangles need no charting library).
 */
export function statisticsSvg(stats: UnitYearStatistics, labels: ChartLabels): string {
  const groups: { title: string; items: StatisticCount[] }[] = [
    { title: labels.byStatus, items: stats.registrations.byStatus },
    { title: labels.byField, items: stats.registrations.byField },
    { title: labels.byTier, items: stats.registrations.byTier },
    {
      title: labels.reports,
      items:
        stats.reports.due + stats.reports.filed === 0
          ? []
          : [
              { code: 'due', label: labels.reportsDue, count: stats.reports.due },
              { code: 'filed', label: labels.reportsFiled, count: stats.reports.filed },
            ],
    },
    { title: labels.subscribers, items: stats.subscribersByChannel },
  ].filter((g) => g.items.length > 0);
  const max = Math.max(1, ...groups.flatMap((g) => g.items.map((i) => i.count)));
  const barSpace = WIDTH - LABEL_WIDTH - 70;
  const parts: string[] = [];
  let y = 70;
  groups.forEach((group, gi) => {
    parts.push(`<text x="20" y="${y}" font-size="17" font-weight="bold" fill="#222">${escape(group.title)}</text>`);
    y += 12;
    for (const item of group.items) {
      const width = Math.max(2, Math.round((item.count / max) * barSpace));
      parts.push(
        `<text x="${LABEL_WIDTH - 10}" y="${y + 19}" font-size="14" text-anchor="end" fill="#333">${escape(truncate(item.label, 38))}</text>`,
        `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${width}" height="${ROW - 8}" rx="3" fill="${PALETTE[gi % PALETTE.length]}"/>`,
        `<text x="${LABEL_WIDTH + width + 8}" y="${y + 19}" font-size="14" fill="#111">${item.count}</text>`,
      );
      y += ROW;
    }
    y += 24;
  });
  if (groups.length === 0) {
    parts.push(`<text x="20" y="${y}" font-size="15" fill="#555">${escape(labels.empty)}</text>`);
    y += 30;
  }
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="36" font-size="21" font-weight="bold" fill="#b71c1c">${escape(labels.title)}</text>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/**
 * The chart as a PNG (rasterised with resvg, prebuilt binary from npm). resvg is imported on the
 * first chart, so processes that never draw one (most webhooks and workers) do not hold its
 * native module (docs/scaling.md, "Memory").
 */
export async function statisticsPng(stats: UnitYearStatistics, labels: ChartLabels): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = statisticsSvg(stats, labels);
  const resvg = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' });
  return Buffer.from(resvg.render().asPng());
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
