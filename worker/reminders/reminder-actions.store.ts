import { addDays, vietnamDateOf } from '../../bot/domain/iso-date.js';
import { MORNING_TIME, vietnamInstant } from '../../bot/domain/reminder-schedule.js';
import type { ReminderActionsApi } from '../../bot/features/reminders/reminder-action-services.js';
import type { Db } from '../../runtime/database.js';
import { cadreIdFor } from '../store/cadre-identity.store.js';
import { SNOOZE_RULE_KIND } from './reminder-planner.js';

/**
 * "Nhắc lại ngày mai" becomes a one-off rule for tomorrow 08:00, for the cadre who asked;
 * its id names the registration, kind, day and cadre, so pressing twice sets it once.
 * The due date comes from the reminder the cadre answered (the last one sent to them).
 */
export function createReminderActionsApi(db: Db): ReminderActionsApi {
  return {
    async snoozeReport(user, registrationId, reportKind, now) {
      const cadreId = await cadreIdFor(db, user);
      const reg = cadreId ? await db.registration.findUnique({ where: { id: registrationId }, select: { contactCadreId: true, subjectUnitId: true } }) : null;
      if (!cadreId || !reg || reg.contactCadreId !== cadreId) return { ok: false, reason: 'not_found' };
      const last = await db.reminderFiring.findFirst({
        where: { kind: 'report_due', targetId: registrationId, recipientId: user.userId, status: 'sent', occurrence: { startsWith: `${reportKind}:` } },
        orderBy: { id: 'desc' },
      });
      const due = /^[a-z_0-9]+:(\d{4}-\d{2}-\d{2})@/.exec(last?.occurrence ?? '')?.[1] ?? (last?.ruleId ? await snoozedDue(db, last.ruleId) : null);
      if (!due) return { ok: false, reason: 'not_found' };
      const tomorrow = addDays(vietnamDateOf(now), 1);
      if (tomorrow > due) return { ok: false, reason: 'due_today' };
      const at = vietnamInstant(tomorrow, MORNING_TIME);
      const id = `snooze-${registrationId}-${reportKind}-${tomorrow}-${cadreId}`;
      await db.reminderRule.upsert({
        where: { id },
        create: { id, kind: SNOOZE_RULE_KIND, ownerUnitId: reg.subjectUnitId, targetQuery: { registrationId, reportKind, due, cadreId }, dueAt: at, offsetsDays: [], createdBy: cadreId },
        update: {},
      });
      return { ok: true, at };
    },
  };
}

/** A snoozed reminder's own due date (snoozing a snooze). */
async function snoozedDue(db: Db, ruleId: string): Promise<string | null> {
  const rule = await db.reminderRule.findUnique({ where: { id: ruleId } });
  const due = (rule?.targetQuery as { due?: unknown } | null)?.due;
  return typeof due === 'string' ? due : null;
}
