import type { Channel } from '../../core/inbound-event.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { PlaceResolution } from '../../domain/place-resolver.js';
import type { UnitNode, UnitTree } from '../../domain/unit-tree.js';

/**
 * Services the resident features use (events, subscriptions, public information).
 * Implemented with Prisma in worker/store/resident-services.ts on the turn's
 * transaction; one namespace so names never collide with the cadre services.
 */
export interface ResidentServices {
  /** Optional: the plumbing tests run the bot without stores (process-inbound passes `{}`). */
  residents?: ResidentStore;
}

export interface ResidentStore {
  events: EventRepository;
  subscribers: SubscriberRepository;
  places: PlaceService;
  info: PublicInfoRepository;
  recognitions: PublicRecognitionRepository;
  tiers: TierListing;
}

/** An event as residents see it. Historical items may only know their month or year. */
export interface EventView {
  id: string;
  title: string;
  type: string;
  hostUnitId: string | null;
  organizerUnitId: string | null;
  venue: string | null;
  address: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  /** "2023", "2022-10", "2024-06-26" as recorded. */
  dateText: string | null;
  /** year | month | day | minute */
  datePrecision: string;
  /** public | cadres | invited */
  audience: string;
  /** planned | confirmed | postponed | cancelled | done */
  status: string;
}

export interface EventSearch {
  /** Host units; each counts with its subtree. Null = everywhere. */
  unitIds: readonly string[] | null;
  /** Event types to keep; empty or absent = any. */
  types?: readonly string[];
  from: Date;
  /** Exclusive; null = open-ended. */
  to: Date | null;
  limit: number;
}

export interface EventRepository {
  /** Planned, confirmed or postponed events starting in [from, to), soonest first. */
  upcoming(search: EventSearch): Promise<EventView[]>;
  /** Events already held (or dated) in [from, to), latest first — history, never "upcoming". */
  past(search: EventSearch): Promise<EventView[]>;
  get(id: string): Promise<EventView | null>;
}

export interface SubscriptionView {
  userId: string;
  unitsOfInterest: string[];
  topics: string[];
  optedInAt: Date | null;
  optedOutAt: Date | null;
  /** Opted in and not opted out since. */
  active: boolean;
}

export interface SubscribeInput {
  userId: string;
  unitIds: readonly string[];
  topics: readonly string[];
  at: Date;
  channel: Channel;
  locale: string;
  displayName: string | null;
}

export interface SubscriberRepository {
  get(userId: string): Promise<SubscriptionView | null>;
  /** Adds the units to the user's interests and records consent (time + audit row). */
  subscribe(input: SubscribeInput): Promise<SubscriptionView>;
  /** Stops every notice at once; returns the subscription as it was (null if none). */
  unsubscribe(input: { userId: string; at: Date; channel: Channel }): Promise<SubscriptionView | null>;
  /**
   * Active subscribers who should hear about an event hosted by `hostUnitId`: interest in
   * the host, one of its ancestors, or a pre-2025 unit whose successors cover it.
   */
  audienceFor(hostUnitId: string, asOf: IsoDate, topic: string): Promise<string[]>;
}

export interface PlaceService {
  resolve(text: string, asOf: IsoDate): Promise<PlaceResolution>;
  /** The same answer for a unit already chosen (a button), so a former unit still explains its merger. */
  resolveUnit(unitId: string, asOf: IsoDate): Promise<PlaceResolution | null>;
  tree(): Promise<UnitTree>;
  unit(id: string): Promise<UnitNode | undefined>;
}

/** One configured public answer (glossary entry, rhythm step, office contact…). */
export interface PublicInfoEntry {
  id: string;
  kind: string;
  unitId: string | null;
  terms: string[];
  content: Record<string, unknown>;
  demo: boolean;
  source: string | null;
}

export interface PublicInfoRepository {
  /** Every entry of a kind (global and per unit), in their configured order. */
  list(kind: string): Promise<PublicInfoEntry[]>;
}

export interface PublicRecognitionView {
  code: string | null;
  title: string;
  year: number;
  subjectName: string;
  tierLabel: string | null;
}

export interface PublicRecognitionRepository {
  /** Recognised (or staff-marked public) registrations under these units, newest first. */
  listUnder(unitIds: readonly string[], asOf: IsoDate, limit: number): Promise<{ items: PublicRecognitionView[]; total: number }>;
}

export interface TierView {
  code: string;
  label: string;
  rank: number;
  active: boolean;
  retiredOn: IsoDate | null;
}

export interface TierListing {
  list(): Promise<TierView[]>;
}
