import type { SubscriberRepository, SubscriptionView } from '../../bot/features/residents/resident-services.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import { interestCovers } from '../../bot/features/residents/unit-scope.js';
import type { Db } from '../../runtime/database.js';
import { appendAudit } from './audit-log.repository.js';

type SubscriberRow = NonNullable<Awaited<ReturnType<Db['subscriber']['findUnique']>>>;

function isActive(row: Pick<SubscriberRow, 'optedInAt' | 'optedOutAt' | 'blocked'>): boolean {
  if (row.blocked || row.optedInAt === null) return false;
  return row.optedOutAt === null || row.optedOutAt < row.optedInAt;
}

function toView(row: SubscriberRow): SubscriptionView {
  return {
    userId: row.userId,
    unitsOfInterest: row.unitsOfInterest,
    topics: row.topics,
    optedInAt: row.optedInAt,
    optedOutAt: row.optedOutAt,
    active: isActive(row),
  };
}

const snapshot = (view: SubscriptionView | null) =>
  view && { unitsOfInterest: view.unitsOfInterest, topics: view.topics, active: view.active };

/**
 * Người nhận tin. Consent is recorded twice: the opt-in time on the row and an
 * append-only audit entry with the channel it came from (Decree 13/2023 asks us to
 * be able to show it). Opting out clears the interests at once.
 */
export function createSubscriberRepository(db: Db, units: () => Promise<UnitTree>): SubscriberRepository {
  return {
    async get(userId) {
      const row = await db.subscriber.findUnique({ where: { userId } });
      return row ? toView(row) : null;
    },

    async subscribe(input) {
      const before = await db.subscriber.findUnique({ where: { userId: input.userId } });
      const keep = before && isActive(before);
      const unitsOfInterest = [...new Set([...(keep ? before.unitsOfInterest : []), ...input.unitIds])];
      const topics = [...new Set([...(keep ? before.topics : []), ...input.topics])];
      const data = { unitsOfInterest, topics, optedInAt: input.at, optedOutAt: null, followed: true, locale: input.locale, displayName: input.displayName };
      const row = await db.subscriber.upsert({ where: { userId: input.userId }, create: { userId: input.userId, ...data }, update: data });
      const view = toView(row);
      await appendAudit(db, {
        at: input.at,
        actor: input.userId,
        action: 'subscriber.opt_in',
        entityType: 'subscriber',
        entityId: input.userId,
        before: snapshot(before ? toView(before) : null),
        after: snapshot(view),
        channel: input.channel,
      });
      return view;
    },

    async unsubscribe(input) {
      const before = await db.subscriber.findUnique({ where: { userId: input.userId } });
      if (!before) return null;
      const row = await db.subscriber.update({ where: { userId: input.userId }, data: { optedOutAt: input.at, unitsOfInterest: [], topics: [] } });
      await appendAudit(db, {
        at: input.at,
        actor: input.userId,
        action: 'subscriber.opt_out',
        entityType: 'subscriber',
        entityId: input.userId,
        before: snapshot(toView(before)),
        after: snapshot(toView(row)),
        channel: input.channel,
      });
      return toView(before);
    },

    async audienceFor(hostUnitId, asOf, topic) {
      const tree = await units();
      const rows = await db.subscriber.findMany({ where: { blocked: false, optedInAt: { not: null } }, orderBy: { userId: 'asc' } });
      return rows
        .filter((row) => isActive(row) && (row.topics.length === 0 || row.topics.includes(topic) || row.topics.includes('all')))
        .filter((row) => row.unitsOfInterest.some((interest) => interestCovers(tree, interest, hostUnitId, asOf)))
        .map((row) => row.userId);
    },
  };
}
