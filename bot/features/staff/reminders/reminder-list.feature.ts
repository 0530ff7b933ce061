import { foldText } from '../../../core/fold.js';
import type { Feature } from '../../../conversation/turn.js';
import { createReplyKit, type ReplyKit } from '../../../conversation/reply-kit.js';
import { addDays, isIsoDate, vietnamDateOf } from '../../../domain/iso-date.js';
import { vietnamInstant } from '../../../domain/reminder-schedule.js';
import { showDate, showTime } from '../../cadre/cadre-text.js';
import type { FeatureDeps } from '../../feature-deps.js';
import type { ScheduledReminder } from './reminder-services.js';

/** "lịch nhắc", "xem lịch nhắc tuần này": the schedule, not a new rule (no report kind, no deadline). */
export function isScheduleRequest(text: string, slots: Record<string, unknown>): boolean {
  return /\blich nhac\b/.test(foldText(text)) && !slots.reportKind && !slots.date;
}

function subjectText(kit: ReplyKit, item: ScheduledReminder): string {
  const s = item.subject;
  if (item.kind === 'report_due') return kit.t('rm-what-report', { kind: kit.t(`report-kind-${s.reportKind!}`), due: showDate(s.due!) });
  if (item.kind === 'registration_deadline') return kit.t('rm-what-deadline', { year: String(s.year), due: showDate(s.due!) });
  if (item.kind === 'event' || item.kind === 'event_change') return s.title ?? '';
  return kit.t('rm-what-item', { code: s.code ?? '—', title: s.title ?? '' });
}

/**
 * "lịch nhắc" for broadcasters and admins: every pending reminder in their scope for
 * the period asked ("tuần này") or the coming seven days, with time and recipients.
 */
export function createReminderListFeature(deps: FeatureDeps): Feature {
  return {
    name: 'staff-reminder-list',
    async handle(turn) {
      const api = turn.services.staffReminders;
      if (!api || turn.event.kind !== 'text' || turn.choice !== null || turn.state.flow) return null;
      const u = deps.understand(turn.text, turn.user);
      if (!(u.intent === 'staff.reminder_create' || u.intent === 'staff.broadcast_list') || !isScheduleRequest(turn.text, u.slots)) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      const range = u.slots.dateRange as { from?: string; to?: string } | undefined;
      const fromDay = range?.from && isIsoDate(range.from) ? range.from : vietnamDateOf(turn.now);
      const toDay = range?.to && isIsoDate(range.to) ? range.to : addDays(fromDay, 6);
      const from = new Date(Math.max(turn.now.getTime(), vietnamInstant(fromDay, '00:00').getTime()));
      const to = vietnamInstant(addDays(toDay, 1), '00:00');
      const listed = await api.listScheduled(turn.user, from, to, turn.now);
      if (!listed.ok) return { replies: [kit.message('rm-not-allowed')] };
      const args = { from: showDate(fromDay), to: showDate(toDay), scope: listed.scopeName };
      if (listed.items.length === 0) return { replies: [kit.message('rm-list-empty', args)] };
      const lines = listed.items.slice(0, 20).map((item, i) =>
        kit.t('rm-list-line', { n: i + 1, time: showTime(item.fireAt), date: showDate(item.fireAt), kind: kit.t(`rm-kind-${item.kind}`), what: subjectText(kit, item), recipients: item.recipients }),
      );
      return { replies: [{ text: [kit.t('rm-list-title', args), ...lines].join('\n') }] };
    },
  };
}
