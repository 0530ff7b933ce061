import type { Feature } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import { REPORT_KINDS, type ReportKind } from '../../domain/registration-status.js';
import { showDate, showTime } from '../cadre/cadre-text.js';
import type { FeatureDeps } from '../feature-deps.js';

/** Button value of "Nhắc lại ngày mai" on a report reminder: rm:snooze:<registration>:<kind>. */
export const SNOOZE_PREFIX = 'rm:snooze:';

/** "Nhắc lại ngày mai" (domain §3.5): the cadre hears of the report again tomorrow morning. */
export function createSnoozeReminderFeature(deps: FeatureDeps): Feature {
  return {
    name: 'reminder-snooze',
    async handle(turn) {
      const api = turn.services.reminderActions;
      if (!api || !turn.choice?.startsWith(SNOOZE_PREFIX)) return null;
      const [registrationId = '', kind = ''] = turn.choice.slice(SNOOZE_PREFIX.length).split(':');
      const kit = createReplyKit(deps.translator, turn.user.locale);
      if (!(REPORT_KINDS as readonly string[]).includes(kind)) return { replies: [kit.message('rm-snooze-not-found')] };
      const done = await api.snoozeReport(turn.user, registrationId, kind as ReportKind, turn.now);
      if (!done.ok) return { replies: [kit.message(done.reason === 'due_today' ? 'rm-snooze-due-today' : 'rm-snooze-not-found')] };
      return { replies: [kit.message('rm-snoozed', { time: showTime(done.at), date: showDate(done.at) })] };
    },
  };
}
