/** Sending settings shared by the planner, the preview and the lanes (runtime/config.ts `broadcast`). */
export interface BroadcastSettings {
  /** Zalo OA broadcasts per follower per month (`BROADCAST_OA_MONTHLY_QUOTA`, default 4; domain §2.6). */
  oaMonthlyQuota: number;
  /** Zalo OA free window; a follower silent for longer is skipped (default 48 h). */
  oaWindowMs: number;
}

export const DEFAULT_BROADCAST_SETTINGS: BroadcastSettings = { oaMonthlyQuota: 4, oaWindowMs: 48 * 3600 * 1000 };
