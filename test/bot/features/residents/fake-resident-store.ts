import { createInMemoryUnitTree } from '../../../../bot/domain/in-memory-unit-tree.js';
import { vietnamDateOf } from '../../../../bot/domain/iso-date.js';
import { createPlaceResolver } from '../../../../bot/domain/place-resolver.js';
import type {
  EventView,
  PublicInfoEntry,
  ResidentStore,
  SubscribeInput,
  SubscriptionView,
  TierView,
} from '../../../../bot/features/residents/resident-services.js';
import { interestCovers, resolutionForUnit, subtreeIds } from '../../../../bot/features/residents/unit-scope.js';
import { fixtureUnitNodes } from '../../domain/fixture-units.js';

export function event(fields: Partial<EventView> & Pick<EventView, 'id' | 'title'>): EventView {
  return {
    type: 'ngay_hoi',
    hostUnitId: null,
    organizerUnitId: null,
    venue: null,
    address: null,
    startsAt: null,
    endsAt: null,
    dateText: null,
    datePrecision: 'minute',
    audience: 'public',
    status: 'planned',
    ...fields,
  };
}

/** In-memory ResidentStore over the fixture's units: the features' logic without a database. */
export function createFakeResidentStore(options: { events?: EventView[]; info?: PublicInfoEntry[]; tiers?: TierView[] } = {}) {
  const tree = createInMemoryUnitTree(fixtureUnitNodes());
  const events = options.events ?? [];
  const info = options.info ?? [];
  const subscriptions = new Map<string, SubscriptionView>();
  const consents: Array<{ action: string; input: SubscribeInput | { userId: string } }> = [];
  const streets = info.filter((e) => e.kind === 'street' && e.unitId).map((e) => ({ name: String(e.content.name), unitId: e.unitId! }));
  const resolver = createPlaceResolver({ units: tree, streets });
  const scoped = (unitIds: readonly string[] | null, from: Date) => (unitIds === null ? null : subtreeIds(tree, unitIds, vietnamDateOf(from)));

  const store: ResidentStore = {
    events: {
      async upcoming(s) {
        const ids = scoped(s.unitIds, s.from);
        return events
          .filter((e) => ['planned', 'confirmed', 'postponed'].includes(e.status) && e.startsAt && e.startsAt >= s.from && (!s.to || e.startsAt < s.to))
          .filter((e) => !ids || (e.hostUnitId !== null && ids.has(e.hostUnitId)))
          .filter((e) => !s.types?.length || s.types.includes(e.type))
          .sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime())
          .slice(0, s.limit);
      },
      async past(s) {
        const ids = scoped(s.unitIds, s.from);
        return events
          .filter((e) => e.status !== 'cancelled' && e.startsAt && e.startsAt < (s.to ?? new Date(8.64e15)) && e.startsAt >= s.from)
          .filter((e) => !ids || (e.hostUnitId !== null && ids.has(e.hostUnitId)))
          .filter((e) => !s.types?.length || s.types.includes(e.type))
          .sort((a, b) => b.startsAt!.getTime() - a.startsAt!.getTime())
          .slice(0, s.limit);
      },
      async get(id) {
        return events.find((e) => e.id === id) ?? null;
      },
    },
    subscribers: {
      async get(userId) {
        return subscriptions.get(userId) ?? null;
      },
      async subscribe(input) {
        const before = subscriptions.get(input.userId);
        const view: SubscriptionView = {
          userId: input.userId,
          unitsOfInterest: [...new Set([...(before?.active ? before.unitsOfInterest : []), ...input.unitIds])],
          topics: [...new Set([...(before?.active ? before.topics : []), ...input.topics])],
          optedInAt: input.at,
          optedOutAt: null,
          active: true,
        };
        subscriptions.set(input.userId, view);
        consents.push({ action: 'opt_in', input });
        return view;
      },
      async unsubscribe({ userId, at }) {
        const before = subscriptions.get(userId) ?? null;
        if (before) subscriptions.set(userId, { ...before, unitsOfInterest: [], topics: [], optedOutAt: at, active: false });
        consents.push({ action: 'opt_out', input: { userId } });
        return before;
      },
      async audienceFor(hostUnitId, asOf) {
        return [...subscriptions.values()].filter((s) => s.active && s.unitsOfInterest.some((u) => interestCovers(tree, u, hostUnitId, asOf))).map((s) => s.userId);
      },
    },
    places: {
      resolve: async (text, asOf) => resolver.resolvePlace(text, { asOf }),
      resolveUnit: async (unitId, asOf) => resolutionForUnit(tree, unitId, asOf),
      tree: async () => tree,
      unit: async (id) => tree.get(id),
    },
    info: { list: async (kind) => info.filter((e) => e.kind === kind) },
    recognitions: { listUnder: async () => ({ items: [], total: 0 }) },
    tiers: { list: async () => options.tiers ?? [] },
  };
  return { store, subscriptions, consents, tree };
}

export function infoEntry(id: string, kind: string, content: Record<string, unknown>, fields: Partial<PublicInfoEntry> = {}): PublicInfoEntry {
  return { id, kind, unitId: null, terms: [], content, demo: false, source: null, ...fields };
}
