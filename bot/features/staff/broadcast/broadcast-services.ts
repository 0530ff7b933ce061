import type { ChatIdentity } from '../../../core/identity.js';
import type { QuietHours } from '../../../domain/quiet-hours.js';

export type BroadcastKind = 'recognition' | 'event' | 'deadline' | 'other';
export type BroadcastAudience = 'residents' | 'cadres' | 'both';

/** What the composer has collected so far (kept in the conversation state). */
export interface BroadcastDraft {
  kind?: BroadcastKind;
  audience?: BroadcastAudience;
  unitId?: string;
  unitName?: string;
  body?: string;
  /** ISO instant; absent = send now. */
  sendAt?: string;
}

/** Who may compose: broadcasters and admins, with the unit their scope starts at. */
export interface BroadcastAuthor {
  cadreId: string;
  scopeUnitId: string;
  scopeUnitName: string;
}

export interface AudienceCounts {
  /** Who would receive it, per channel. */
  sendable: Record<string, { residents: number; cadres: number }>;
  /** Who would not, per reason (opted_out, unreachable, oa_quota, outside_window). */
  skipped: Record<string, number>;
  sendableTotal: number;
}

export interface BroadcastSummary {
  id: string;
  kind: BroadcastKind;
  audience: BroadcastAudience;
  unitName: string;
  status: string;
  /** When it goes (or went) out; null = as soon as approved. */
  sendAt: Date | null;
  expectedCount: number;
  body: string;
  /** Live counts per state (sent, skipped, failed_permanent, …) once planned. */
  byState: Record<string, number>;
}

export type SubmitResult =
  | { ok: true; id: string; status: 'scheduled' | 'pending_approval'; approverCadreIds: string[] }
  | { ok: false; reason: 'out-of-scope' | 'no-approver' };

/** The rules the composer applies (configuration: BROADCAST_QUIET_HOURS, _APPROVAL_THRESHOLD, _HOTLINE). */
export interface BroadcastPolicy {
  quietHours: QuietHours | null;
  approvalThreshold: number;
  /** Phone numbers a body may carry (digits only, `0…` or `84…`). */
  hotlines: string[];
}

/**
 * Broadcasts as the chat sees them (bot/ never touches the database: implemented in
 * worker/store/broadcast-services.ts on the turn's transaction). Every method checks
 * the caller's scope itself; the feature never decides who may see what.
 */
export interface BroadcastApi {
  policy: BroadcastPolicy;
  /** The caller's broadcaster/admin standing, or null for everyone else. */
  author(user: ChatIdentity, now: Date): Promise<BroadcastAuthor | null>;
  /** A unit named in a message ("phường Cửa Nam"), if one matches today. */
  findUnit(text: string, now: Date): Promise<{ id: string; name: string } | null>;
  /** The unit the NLU named (`slots.placeUnit`), if it exists today; null for an abolished one ("quận Hoàn Kiếm"). */
  unitToday(unitId: string, now: Date): Promise<{ id: string; name: string } | null>;
  /** Whether the unit lies inside the caller's broadcaster/admin scope. */
  inScope(user: ChatIdentity, unitId: string, now: Date): Promise<boolean>;
  preview(user: ChatIdentity, draft: Required<Pick<BroadcastDraft, 'kind' | 'audience' | 'unitId'>>, now: Date): Promise<AudienceCounts>;
  /**
   * Saves the broadcast: scheduled, or — above the approval threshold — pending a second
   * approver; the result names the staff in scope who may approve (the feature notifies them).
   */
  submit(
    user: ChatIdentity,
    draft: Required<Pick<BroadcastDraft, 'kind' | 'audience' | 'unitId' | 'body'>> & { sendAt: Date | null },
    expectedCount: number,
    now: Date,
  ): Promise<SubmitResult>;
  /** A second staff member approves; refused for the author or outside scope. */
  approve(user: ChatIdentity, broadcastId: string, now: Date): Promise<{ ok: true; authorCadreId: string; summary: BroadcastSummary } | { ok: false; reason: 'not-found' | 'own' | 'out-of-scope' | 'not-pending' }>;
  /** Broadcasts in the caller's approving scope, by someone else, waiting for approval. */
  pendingApprovals(user: ChatIdentity, now: Date): Promise<BroadcastSummary[]>;
  /** The caller's latest broadcast, with live counts. */
  latest(user: ChatIdentity, now: Date): Promise<BroadcastSummary | null>;
  /** Scheduled or pending broadcasts in the caller's scope due in [from, to). */
  scheduledBetween(user: ChatIdentity, from: Date, to: Date, now: Date): Promise<BroadcastSummary[]>;
  cancel(user: ChatIdentity, broadcastId: string, now: Date): Promise<boolean>;
  stop(user: ChatIdentity, broadcastId: string, now: Date): Promise<boolean>;
  resume(user: ChatIdentity, broadcastId: string, now: Date): Promise<boolean>;
  retryFailed(user: ChatIdentity, broadcastId: string, now: Date): Promise<number | null>;
  /** Staff choose to resend the rows whose delivery is unknown (a worker died mid-request); may duplicate. */
  resendUncertain(user: ChatIdentity, broadcastId: string, now: Date): Promise<number | null>;
}

export interface BroadcastServices {
  /** Optional so that plumbing tests without a database still run; the features stay silent without it. */
  broadcasts?: BroadcastApi;
}
