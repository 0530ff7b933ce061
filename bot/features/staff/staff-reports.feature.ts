import type { OutboundMessage } from '../../core/outbound-message.js';
import type { Feature, Turn } from '../../conversation/turn.js';
import { createReplyKit, type ReplyKit } from '../../conversation/reply-kit.js';
import { vietnamYearOf } from '../../domain/iso-date.js';
import type { StatisticCount, UnitYearStatistics } from '../../domain/unit-year-statistics.js';
import type { FeatureDeps } from '../feature-deps.js';
import { channelSendsFiles } from './channel-files.js';
import { parseStaffReportRequest } from './staff-report-request.js';
import type { PreparedFile } from './staff-report-services.js';

/**
 * "xuất danh sách mô hình năm 2026 ra excel" and "thống kê mô hình của phường năm nay"
 * for reviewers, approvers and admins, over the subtree of their grant: the file
 * itself where the channel sends files, otherwise a one-time link valid 24 hours;
 * the figures in words plus a bar chart. Tried before the NLU-driven features so
 * such a request is never read as a recognition question.
 */
export function createStaffReportsFeature(deps: FeatureDeps): Feature {
  return {
    name: 'staff-reports',
    async handle(turn) {
      if (turn.event.kind !== 'text' || turn.choice !== null || turn.state.flow !== null) return null;
      const request = parseStaffReportRequest(turn.text, vietnamYearOf(turn.now));
      const api = turn.services.staffReports;
      if (!request || !api) return null;
      const scope = await api.scope(turn.user, turn.now);
      const kit = createReplyKit(deps.translator, turn.user.locale);
      if (scope.kind === 'not-staff') return scope.cadre ? { replies: [kit.message('staff-reports-not-allowed')] } : null;
      const base = { unitId: scope.unitId, year: request.year, locale: turn.user.locale, now: turn.now, userId: turn.user.userId };

      if (request.kind === 'export') {
        const prepared = await api.exportFile({ ...base, what: request.what, format: request.format });
        const text = kit.t('staff-export-ready', { what: kit.t(`staff-export-what-${request.what}`), unit: scope.unitName, year: request.year, rows: prepared.rows, format: request.format === 'csv' ? 'CSV' : 'Excel' });
        return { replies: [withFile(turn, kit, text, prepared)] };
      }
      const { stats, chart } = await api.statistics(base);
      return { replies: [withFile(turn, kit, statisticsText(kit, stats), chart)] };
    },
  };
}

/** The file rides on the message where the channel can send it; otherwise its one-time link goes in the text. */
function withFile(turn: Turn, kit: ReplyKit, text: string, prepared: PreparedFile): OutboundMessage {
  if (channelSendsFiles(turn.event.channel)) return { text, file: prepared.file };
  return { text: `${text}\n${kit.t('staff-file-link', { link: prepared.link })}` };
}

function statisticsText(kit: ReplyKit, stats: UnitYearStatistics): string {
  const list = (items: StatisticCount[]) => (items.length === 0 ? '—' : items.map((i) => `${i.label} ${i.count}`).join('; '));
  return kit.t('staff-stats', {
    unit: stats.unitName,
    year: stats.year,
    total: stats.registrations.total,
    byStatus: list(stats.registrations.byStatus),
    byCategory: list(stats.registrations.byCategory),
    byField: list(stats.registrations.byField),
    byTier: list(stats.registrations.byTier),
    recognitions: stats.recognitions,
    due: stats.reports.due,
    filedOfDue: stats.reports.filedOfDue,
    filed: stats.reports.filed,
    late: stats.reports.late,
    subscribers: list(stats.subscribersByChannel),
  });
}
