import { daysBetween, vietnamDateOf } from '../../bot/domain/iso-date.js';
import { createPlaceResolver } from '../../bot/domain/place-resolver.js';
import { nextAllowedInstant, type QuietHours } from '../../bot/domain/quiet-hours.js';
import { eventMoments } from '../../bot/domain/reminder-schedule.js';
import { actorId } from '../../bot/domain/roles.js';
import type { ChangeableEvent, EventChangeApi, NoticeRenderer } from '../../bot/features/staff/events/event-change-services.js';
import { normalizeLocale } from '../../bot/i18n/translator.js';
import type { Db } from '../../runtime/database.js';
import { fireOnce } from '../reminders/fire-once.js';
import { DEFAULT_QUIET_HOURS } from '../reminders/default-quiet-hours.js';
import { cancelEventReminders } from '../reminders/reminder-cancellation.js';
import { appendAudit } from './audit-log.repository.js';
import { channelOf } from './cadre-workflow.js';
import { loadStaffScope, type StaffScope } from './staff-scope.js';
import { createSubscriberRepository } from './subscriber.repository.js';

/** Events that can still change: not cancelled, not done. */
const CHANGEABLE = ['planned', 'confirmed', 'postponed'];

type EventRow = NonNullable<Awaited<ReturnType<Db['event']['findUnique']>>>;

/**
 * "dời ngày hội phường Cửa Nam sang 13/12" / "hủy hội thi …" by a broadcaster or admin
 * in scope: the event row and its audit row change together, the change notice goes to
 * the subscribers of the host unit (ancestors and successors included) once per
 * recipient through `reminder_firing`, and the event's reminders follow: they are
 * planned from the event's date, so a moved event gets new moments and a cancelled one
 * none. Everything runs on the turn's transaction.
 */
export interface EventChangeApiOptions {
  /** BROADCAST_QUIET_HOURS (default 21:00–07:00): a notice due inside it is held until its end. */
  quietHours?: QuietHours | null;
}

export function createEventChangeApi(db: Db, options: EventChangeApiOptions = {}): EventChangeApi {
  const quiet = options.quietHours === undefined ? DEFAULT_QUIET_HOURS : options.quietHours;
  const subscribersOf = (scope: StaffScope, hostUnitId: string) =>
    createSubscriberRepository(db, async () => scope.units).audienceFor(hostUnitId, scope.today, 'events');

  async function view(scope: StaffScope, row: EventRow): Promise<ChangeableEvent> {
    return {
      id: row.id, title: row.title, type: row.type, startsAt: row.startsAt!, endsAt: row.endsAt, venue: row.venue ?? row.address,
      hostUnitId: row.hostUnitId!, status: row.status, audience: (await subscribersOf(scope, row.hostUnitId!)).length,
    };
  }

  /** The event, when the user may change it; refusals never say whether an out-of-scope event exists. */
  async function changeable(scope: StaffScope, eventId: string) {
    const row = await db.event.findUnique({ where: { id: eventId } });
    if (!row || !row.hostUnitId || !row.startsAt || !scope.covers(row.hostUnitId)) return { ok: false as const, reason: 'not_found' as const };
    if (row.status === 'cancelled') return { ok: false as const, reason: 'already_cancelled' as const };
    return { ok: true as const, row };
  }

  async function notify(scope: StaffScope, row: EventRow, occurrence: string, notice: NoticeRenderer, now: Date): Promise<number> {
    const userIds = await subscribersOf(scope, row.hostUnitId!);
    const users = userIds.length === 0 ? [] : await db.chatUser.findMany({ where: { id: { in: userIds } }, orderBy: { id: 'asc' } });
    const recipients = users.map((u) => ({ userId: u.id, channel: u.channel, chatId: u.chatId, locale: u.locale }));
    // Inside quiet hours the notice is written now and held until the window ends.
    const fireAt = nextAllowedInstant(quiet, now);
    const key = { kind: 'event_change', targetId: row.id, occurrence, ruleId: null, fireAt };
    const ids = await fireOnce(db, key, recipients, (locale) => notice(normalizeLocale(locale)), now, { hold: fireAt > now });
    return ids.length;
  }

  return {
    async find(user, query, now) {
      const scope = await loadStaffScope(db, user, now);
      if (!scope) return { ok: false, reason: 'not_allowed' };
      const rows = await db.event.findMany({
        where: { status: { in: CHANGEABLE }, startsAt: { gt: now }, hostUnitId: { not: null }, ...(query.types && query.types.length > 0 ? { type: { in: query.types } } : {}) },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      });
      let places: string[] | null = null;
      if (query.place) {
        const resolved = createPlaceResolver({ units: scope.units }).resolvePlace(query.place, { asOf: scope.today });
        if (resolved.kind === 'current') places = [resolved.unit.id];
        else if (resolved.kind === 'former') places = resolved.successors.map((s) => s.unit.id);
        else if (resolved.kind === 'ambiguous') places = resolved.candidates.map((c) => c.unit.id);
      }
      const matching = rows.filter(
        (row) => scope.covers(row.hostUnitId!) && (places === null || places.some((p) => scope.units.isInSubtree(row.hostUnitId!, p, scope.today))),
      );
      return { ok: true, events: await Promise.all(matching.slice(0, 6).map((row) => view(scope, row))) };
    },

    async postpone(user, eventId, newDate, notice, now) {
      const scope = await loadStaffScope(db, user, now);
      if (!scope) return { ok: false, reason: 'not_allowed' };
      const found = await changeable(scope, eventId);
      if (!found.ok) return found;
      const row = found.row;
      const oldDay = vietnamDateOf(row.startsAt!);
      if (newDate === oldDay) return { ok: false, reason: 'same_date' };
      if (newDate < scope.today) return { ok: false, reason: 'date_passed' };
      // Same time of day on the new date (Vietnam has no daylight saving: whole days).
      const shift = daysBetween(oldDay, newDate) * 86_400_000;
      const startsAt = new Date(row.startsAt!.getTime() + shift);
      const endsAt = row.endsAt ? new Date(row.endsAt.getTime() + shift) : null;
      const status = row.status === 'postponed' ? 'planned' : row.status;
      const updated = await db.event.update({ where: { id: row.id }, data: { startsAt, endsAt, status } });
      await appendAudit(db, {
        at: now, actor: actorId(scope.actor), action: 'event.postpone', entityType: 'event', entityId: row.id, channel: channelOf(user),
        before: { startsAt: row.startsAt, endsAt: row.endsAt, status: row.status }, after: { startsAt, endsAt, status },
      });
      const notified = await notify(scope, updated, `moved:${oldDay}>${newDate}@${scope.today}`, notice, now);
      const movedReminders = eventMoments(startsAt, null).filter((m) => m.fireAt > now).length;
      return { ok: true, event: await view(scope, updated), notified, movedReminders };
    },

    async cancel(user, eventId, notice, now) {
      const scope = await loadStaffScope(db, user, now);
      if (!scope) return { ok: false, reason: 'not_allowed' };
      const found = await changeable(scope, eventId);
      if (!found.ok) return found;
      const row = found.row;
      const cancelledReminders = await cancelEventReminders(db, row.id, now);
      const updated = await db.event.update({ where: { id: row.id }, data: { status: 'cancelled' } });
      await appendAudit(db, {
        at: now, actor: actorId(scope.actor), action: 'event.cancel', entityType: 'event', entityId: row.id, channel: channelOf(user),
        before: { status: row.status }, after: { status: 'cancelled' },
      });
      const notified = await notify(scope, updated, 'cancelled', notice, now);
      return { ok: true, event: await view(scope, updated), notified, cancelledReminders };
    },
  };
}
