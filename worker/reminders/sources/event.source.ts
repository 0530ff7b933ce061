import { eventMoments } from '../../../bot/domain/reminder-schedule.js';
import { createSubscriberRepository } from '../../store/subscriber.repository.js';
import type { PlannedReminder } from '../reminder-planner.js';
import { inWindow, type PlanContext } from './plan-context.js';

/** Subscribers whose interests cover the host unit (ancestors and successors included). */
export async function eventReminders(ctx: PlanContext): Promise<PlannedReminder[]> {
  const rows = await ctx.db.event.findMany({
    where: {
      ...(ctx.window.targetId ? { id: ctx.window.targetId } : {}),
      ...(ctx.window.ignoreTargetState ? {} : { status: { in: ['planned', 'confirmed'] } }),
      audience: 'public',
      hostUnitId: { not: null },
      startsAt: { gt: ctx.window.from, lte: new Date(ctx.window.to.getTime() + 4 * 86_400_000) },
    },
    orderBy: { startsAt: 'asc' },
  });
  const subscribers = createSubscriberRepository(ctx.db, async () => ctx.units);
  const out: PlannedReminder[] = [];
  for (const ev of rows) {
    const moments = eventMoments(ev.startsAt!, ctx.window.quiet).filter(inWindow(ctx.window));
    if (moments.length === 0) continue;
    const recipients = await ctx.users.ofUsers(await subscribers.audienceFor(ev.hostUnitId!, ctx.today, 'events'));
    for (const m of moments) {
      out.push({
        kind: 'event', targetId: ev.id, occurrence: m.occurrence, ruleId: null, fireAt: m.fireAt, daysLeft: m.daysLeft, unitId: ev.hostUnitId!, recipients,
        args: { title: ev.title, startsAt: ev.startsAt!.toISOString(), venue: ev.venue ?? ev.address ?? '', daysLeft: m.daysLeft },
      });
    }
  }
  return out;
}
