import type { RegistrationEvent, RegistrationStatus } from './registration-status.js';

/** Who may fire a transition; each is checked against the registration's unit as of today. */
export type ActorRule =
  /** A cadre whose subtree contains the owning unit ("cadre of the owning unit"). */
  | 'cadre_in_scope'
  | 'reviewer_in_scope'
  /** A reviewer acting on the cadre's request (T9): the payload says so. */
  | 'reviewer_on_request'
  /** A reviewer whose grant carries `mayDecline` (T15). */
  | 'reviewer_delegated'
  | 'approver_in_scope'
  /** An approver of the tier that issued the recognition being revoked (T17). */
  | 'approver_of_issuing_tier'
  | 'admin_in_scope'
  /** A scheduled job, only where the table says so (T4 idle drafts, T11 round opening). */
  | 'system';

export type TransitionId = `T${number}`;

export interface TransitionRule {
  id: TransitionId;
  event: RegistrationEvent;
  /** null = the registration does not exist yet (T1). */
  from: readonly (RegistrationStatus | null)[] | 'any';
  /** 'same' keeps the status; 'payload' takes it from admin_correct's payload. */
  to: RegistrationStatus | 'same' | 'payload';
  actors: readonly ActorRule[];
}

/** Domain §2.2, T1–T18. Admins may do what cadres, reviewers and approvers may (§2.4). */
export const TRANSITIONS: readonly TransitionRule[] = [
  { id: 'T1', event: 'create', from: [null], to: 'draft', actors: ['cadre_in_scope', 'admin_in_scope'] },
  { id: 'T2', event: 'edit', from: ['draft'], to: 'same', actors: ['cadre_in_scope', 'admin_in_scope'] },
  { id: 'T3', event: 'submit', from: ['draft'], to: 'submitted', actors: ['cadre_in_scope', 'admin_in_scope'] },
  { id: 'T4', event: 'discard', from: ['draft'], to: 'deleted', actors: ['cadre_in_scope', 'admin_in_scope', 'system'] },
  { id: 'T5', event: 'accept', from: ['submitted'], to: 'accepted', actors: ['reviewer_in_scope', 'admin_in_scope'] },
  { id: 'T6', event: 'return', from: ['submitted'], to: 'needs_revision', actors: ['reviewer_in_scope', 'admin_in_scope'] },
  { id: 'T7', event: 'reject', from: ['submitted'], to: 'rejected', actors: ['reviewer_in_scope', 'admin_in_scope'] },
  { id: 'T8', event: 'resubmit', from: ['needs_revision'], to: 'submitted', actors: ['cadre_in_scope', 'admin_in_scope'] },
  {
    id: 'T9',
    event: 'withdraw',
    from: ['submitted', 'needs_revision', 'accepted'],
    to: 'withdrawn',
    actors: ['cadre_in_scope', 'reviewer_on_request', 'admin_in_scope'],
  },
  { id: 'T10', event: 'attach_report', from: ['accepted'], to: 'same', actors: ['cadre_in_scope', 'admin_in_scope'] },
  { id: 'T11', event: 'open_evaluation', from: ['accepted'], to: 'under_evaluation', actors: ['reviewer_in_scope', 'admin_in_scope', 'system'] },
  { id: 'T12', event: 'request_info', from: ['under_evaluation'], to: 'accepted', actors: ['reviewer_in_scope', 'admin_in_scope'] },
  { id: 'T13', event: 'record_evaluation', from: ['under_evaluation'], to: 'same', actors: ['reviewer_in_scope', 'admin_in_scope'] },
  { id: 'T14', event: 'recognize', from: ['under_evaluation'], to: 'recognized', actors: ['approver_in_scope', 'admin_in_scope'] },
  { id: 'T15', event: 'decline', from: ['under_evaluation'], to: 'not_recognized', actors: ['approver_in_scope', 'reviewer_delegated', 'admin_in_scope'] },
  { id: 'T16', event: 'nominate_up', from: ['recognized'], to: 'same', actors: ['approver_in_scope', 'admin_in_scope'] },
  { id: 'T17', event: 'revoke', from: ['recognized'], to: 'revoked', actors: ['approver_of_issuing_tier', 'admin_in_scope'] },
  { id: 'T18', event: 'admin_correct', from: 'any', to: 'payload', actors: ['admin_in_scope'] },
];

export function ruleFor(event: RegistrationEvent): TransitionRule {
  const rule = TRANSITIONS.find((t) => t.event === event);
  if (!rule) throw new Error(`no transition rule for event "${event}"`);
  return rule;
}

export function isFromAllowed(rule: TransitionRule, status: RegistrationStatus | null): boolean {
  return rule.from === 'any' ? status !== null : rule.from.includes(status);
}
