import type { OutboundMessage } from '../../bot/core/outbound-message.js';
import type { Translator } from '../../bot/i18n/translator.js';
import { normalizeLocale } from '../../bot/i18n/translator.js';
import { showDate, showTime } from '../../bot/features/cadre/cadre-text.js';
import type { PlannedReminder } from './reminder-planner.js';

/**
 * The text of a reminder in the recipient's language (locales/<lang>/reminders.ftl).
 * Residents' reminders end with how to stop ("hủy nhận tin"); a report reminder
 * carries "Nộp báo cáo ngay", which starts the report flow on that registration.
 */
export function renderReminder(translator: Translator, reminder: PlannedReminder, locale: string): OutboundMessage {
  const lang = normalizeLocale(locale);
  const t = (key: string, args?: Record<string, string | number>) => translator.t(lang, key, args);
  const a = reminder.args;
  switch (reminder.kind) {
    case 'report_due': {
      const kind = t(`report-kind-${String(a.reportKind)}`);
      const text = t('rm-report-due', { code: a.code!, title: a.title!, kind, due: showDate(String(a.due)), daysLeft: Number(a.daysLeft) });
      const target = `${String(a.registrationId)}:${String(a.reportKind)}`;
      const buttons = [{ label: t('rm-btn-report-now'), value: `rp:pick:${target}` }];
      // "Nhắc lại ngày mai" makes sense while a day is left before the deadline.
      if (Number(a.daysLeft) > 0) buttons.push({ label: t('rm-btn-snooze'), value: `rm:snooze:${target}` });
      return { text, buttons };
    }
    case 'registration_deadline':
      return { text: t('rm-registration-deadline', { year: String(a.year), due: showDate(String(a.due)), daysLeft: Number(a.daysLeft), unit: a.unit! }) };
    case 'revision_pending':
      return { text: t('rm-revision-pending', { code: a.code!, title: a.title!, days: a.days! }) };
    case 'revision_pending_reviewer':
      return { text: t('rm-revision-pending-reviewer', { code: a.code!, title: a.title!, days: a.days!, unit: a.unit! }) };
    case 'evaluation_visit':
      return { text: t('rm-evaluation-visit', { code: a.code!, title: a.title!, date: showDate(String(a.date)) }) };
    case 'event':
    case 'event_change': {
      const startsAt = new Date(String(a.startsAt));
      const key = reminder.daysLeft === 0 ? 'rm-event-today' : reminder.daysLeft === 1 ? 'rm-event-tomorrow' : 'rm-event-soon';
      const text = t(key, { title: a.title!, date: showDate(startsAt), time: showTime(startsAt), venue: a.venue || '—', daysLeft: reminder.daysLeft });
      return { text: `${text}\n${t('rm-how-to-stop')}` };
    }
  }
}
