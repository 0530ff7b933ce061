import type { ConversationState } from '../../conversation/conversation-state.js';

/** What a resident's place question was for, so a later pick or typed ward name finishes it. */
export type PlacePurpose = 'events' | 'subscribe' | 'recognitions' | 'unit' | 'handoff' | 'out_of_scope';

/** An event question, stored in plain JSON until the place is known. */
export interface EventQuery {
  types: string[];
  eventType: string | null;
  /** ISO instants; `to` exclusive, null = open-ended. */
  from: string | null;
  to: string | null;
  /** How the user named the period: date | range | year | none. */
  period: 'date' | 'range' | 'year' | 'none';
}

export interface PendingPlace {
  purpose: PlacePurpose;
  /** True when the bot asked "which ward?" and the next text is a place name. */
  awaitingPlace: boolean;
  query?: EventQuery;
  topics?: string[];
  /** The event detail asked ("ở đâu") while the user picks which event. */
  aspect?: string;
}

/**
 * The resident side of the conversation, kept under `state.data.residents` so that
 * follow-ups ("ở đâu?", "mấy giờ?", "đăng ký nhận tin giúp mình") refer to the last
 * answer without touching any other feature's flow data.
 */
export interface ResidentContext {
  /** Events shown in the last answer, first = the one a follow-up means. */
  eventIds: string[];
  /** Units the last answer was about (what "subscribe me" subscribes to). */
  unitIds: string[];
  pending: PendingPlace | null;
  /** ISO instant of the answer; old context is forgotten. */
  at: string;
}

const KEY = 'residents';
/** Same as the conversation idle time (domain: 30 minutes): later, "ở đâu?" no longer means that event. */
const CONTEXT_TTL_MS = 30 * 60_000;

export function readResidentContext(state: ConversationState, now: Date): ResidentContext | null {
  const raw = state.data[KEY] as Partial<ResidentContext> | undefined;
  if (!raw || typeof raw !== 'object' || typeof raw.at !== 'string') return null;
  if (now.getTime() - Date.parse(raw.at) > CONTEXT_TTL_MS) return null;
  return {
    eventIds: Array.isArray(raw.eventIds) ? raw.eventIds.filter((x): x is string => typeof x === 'string') : [],
    unitIds: Array.isArray(raw.unitIds) ? raw.unitIds.filter((x): x is string => typeof x === 'string') : [],
    pending: raw.pending ?? null,
    at: raw.at,
  };
}

/**
 * While an answer is in view or a "which ward?" is open, the resident conversation counts as a
 * flow: the shared clarify step then leaves a short follow-up ("có cần đăng ký không") to us
 * instead of asking "which did you mean?". Another feature's flow is never overwritten.
 */
export const RESIDENT_FLOW = 'residents.follow-up';

export function writeResidentContext(state: ConversationState, context: ResidentContext | null): ConversationState {
  const data = { ...state.data };
  if (context === null) delete data[KEY];
  else data[KEY] = context;
  const ours = state.flow === null || state.flow === RESIDENT_FLOW;
  if (!ours) return { ...state, data };
  if (context === null) return { ...state, data, flow: null, step: null, expiresAt: null };
  return { ...state, data, flow: RESIDENT_FLOW, step: context.pending?.awaitingPlace ? 'place' : 'in-view', expiresAt: new Date(Date.parse(context.at) + CONTEXT_TTL_MS) };
}

export function newContext(now: Date, fields: Partial<Omit<ResidentContext, 'at'>>): ResidentContext {
  return { eventIds: fields.eventIds ?? [], unitIds: fields.unitIds ?? [], pending: fields.pending ?? null, at: now.toISOString() };
}
