/** The roles of domain §2.4. Residents are known only by their platform id. */
export const CHAT_ROLES = ['resident', 'cadre', 'reviewer', 'approver', 'broadcaster', 'admin'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

/** Staff roles share the staff menu and the NLU's "staff" reading of a message. */
export function isStaffRole(role: ChatRole): boolean {
  return role === 'reviewer' || role === 'approver' || role === 'broadcaster' || role === 'admin';
}

/** Who is talking, as the conversation core sees it. */
export interface ChatIdentity {
  /** Namespaced user id, e.g. `zalo-oa:8471...`. */
  userId: string;
  role: ChatRole;
  unitId: string | null;
  locale: 'vi' | 'en';
  displayName: string | null;
}
