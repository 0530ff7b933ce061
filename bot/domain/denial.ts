/**
 * Why an action is refused. Each reason has a Fluent message `err-<reason>` in
 * locales/{vi,en}/domain.ftl that says why, and what the user can do instead.
 */
export const DENIAL_REASONS = [
  'transition-not-allowed',
  'role-not-permitted',
  'cadre-not-active',
  'out-of-scope',
  'unit-unknown',
  'unit-not-valid-today',
  'year-not-allowed',
  'fields-invalid',
  'possible-duplicate',
  'comment-required',
  'reject-reason-required',
  'reason-required',
  'decision-required',
  'decision-date-in-future',
  'tier-unknown',
  'tier-not-own',
  'tier-retired',
  'tier-inactive',
  'issuer-out-of-scope',
  'nomination-tier-not-higher',
  'withdraw-under-evaluation',
  'report-needs-accepted',
  'report-duplicate',
  'draft-not-idle',
  'evaluation-not-ready',
  'recognition-missing',
  'admin-correct-target',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export interface Denial {
  reason: DenialReason;
  args: Record<string, string | number>;
}

export function deny(reason: DenialReason, args: Record<string, string | number> = {}): Denial {
  return { reason, args };
}

export function denialMessageKey(reason: DenialReason): string {
  return `err-${reason}`;
}
