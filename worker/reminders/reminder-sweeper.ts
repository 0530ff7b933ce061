import type { Queue } from 'bullmq';
import type { Clock } from '../../bot/core/clock.js';
import type { QuietHours } from '../../bot/domain/quiet-hours.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import { enqueueSends, type SendJobData } from '../outbound/outbox.js';
import { fireOnce } from './fire-once.js';
import { renderReminder } from './reminder-messages.js';
import { planReminders } from './reminder-planner.js';
import { releaseHeldFirings } from './release-held.js';

export interface ReminderSweeperDeps {
  prisma: PrismaClient;
  clock: Clock;
  translator: Translator;
  /** BROADCAST_QUIET_HOURS: nothing proactive inside it; moments move to the window's end. */
  quietHours: QuietHours | null;
  logger: Logger;
  /** Where the outbox rows are queued after commit (the outbox relay catches any gap). */
  outbound?: Queue<SendJobData>;
  /**
   * How late a reminder may still go out (default 36 h): a worker that was down over
   * night sends the morning's reminders when it is back, but not last week's.
   */
  lookbackMs?: number;
}

export interface SweepResult {
  /** Reminders (one per recipient) written to the outbox by this sweep. */
  sent: number;
  outboundIds: bigint[];
}

export const DEFAULT_REMINDER_LOOKBACK_MS = 36 * 3600 * 1000;

/**
 * Finds what is due and not yet fired, and fires it: one transaction per occurrence,
 * claiming a `reminder_firing` row per recipient with the outbox row. Running it twice,
 * or in two workers at once, sends each reminder once (the UNIQUE key decides).
 */
export function createReminderSweeper(deps: ReminderSweeperDeps) {
  const lookbackMs = deps.lookbackMs ?? DEFAULT_REMINDER_LOOKBACK_MS;
  return {
    async sweep(): Promise<SweepResult> {
      const now = deps.clock.now();
      const due = await planReminders(deps.prisma, { from: new Date(now.getTime() - lookbackMs), to: now, quiet: deps.quietHours });
      // Change notices written during quiet hours go out when the window ends.
      const outboundIds: bigint[] = await releaseHeldFirings(deps.prisma, now);
      for (const reminder of due) {
        const ids = await deps.prisma.$transaction(
          (tx) => fireOnce(tx, reminder, reminder.recipients, (locale) => renderReminder(deps.translator, reminder, locale), now),
          { timeout: 20_000, maxWait: 10_000 },
        );
        outboundIds.push(...ids);
      }
      if (deps.outbound) await enqueueSends(deps.outbound, outboundIds);
      if (outboundIds.length > 0) deps.logger.info({ sent: outboundIds.length }, 'reminders fired');
      return { sent: outboundIds.length, outboundIds };
    },
  };
}

export type ReminderSweeper = ReturnType<typeof createReminderSweeper>;
