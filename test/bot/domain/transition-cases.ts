import type { DenialReason } from '../../../bot/domain/denial.js';
import type { RegistrationEvent, RegistrationStatus } from '../../../bot/domain/registration-status.js';
import { TRANSITIONS } from '../../../bot/domain/transition-table.js';
import { ACTORS, type ActorName } from './domain-fixtures.js';

/** Every transition, the status it starts from, who may fire it, and what others are told. */
export const TRANSITION_CASES: { id: string; event: RegistrationEvent; from: RegistrationStatus | null; to: RegistrationStatus; allowed: ActorName[]; special?: Partial<Record<ActorName, DenialReason>> }[] = [
  { id: 'T1', event: 'create', from: null, to: 'draft', allowed: ['cadreCN', 'adminVN'] },
  { id: 'T2', event: 'edit', from: 'draft', to: 'draft', allowed: ['cadreCN', 'adminVN'] },
  { id: 'T3', event: 'submit', from: 'draft', to: 'submitted', allowed: ['cadreCN', 'adminVN'] },
  { id: 'T4', event: 'discard', from: 'draft', to: 'deleted', allowed: ['cadreCN', 'adminVN'], special: { system: 'draft-not-idle' } },
  { id: 'T5', event: 'accept', from: 'submitted', to: 'accepted', allowed: ['reviewerCN', 'reviewerCNDelegated', 'adminVN'] },
  { id: 'T6', event: 'return', from: 'submitted', to: 'needs_revision', allowed: ['reviewerCN', 'reviewerCNDelegated', 'adminVN'] },
  { id: 'T7', event: 'reject', from: 'submitted', to: 'rejected', allowed: ['reviewerCN', 'reviewerCNDelegated', 'adminVN'] },
  { id: 'T8', event: 'resubmit', from: 'needs_revision', to: 'submitted', allowed: ['cadreCN', 'adminVN'] },
  { id: 'T9', event: 'withdraw', from: 'submitted', to: 'withdrawn', allowed: ['cadreCN', 'adminVN'], special: { reviewerCN: 'out-of-scope', reviewerCNDelegated: 'out-of-scope' } },
  { id: 'T10', event: 'attach_report', from: 'accepted', to: 'accepted', allowed: ['cadreCN', 'adminVN'] },
  { id: 'T11', event: 'open_evaluation', from: 'accepted', to: 'under_evaluation', allowed: ['reviewerCN', 'reviewerCNDelegated', 'adminVN'], special: { system: 'evaluation-not-ready' } },
  { id: 'T12', event: 'request_info', from: 'under_evaluation', to: 'accepted', allowed: ['reviewerCN', 'reviewerCNDelegated', 'adminVN'] },
  { id: 'T13', event: 'record_evaluation', from: 'under_evaluation', to: 'under_evaluation', allowed: ['reviewerCN', 'reviewerCNDelegated', 'adminVN'] },
  { id: 'T14', event: 'recognize', from: 'under_evaluation', to: 'recognized', allowed: ['approverCN', 'adminVN'], special: { approverHN: 'tier-not-own' } },
  { id: 'T15', event: 'decline', from: 'under_evaluation', to: 'not_recognized', allowed: ['approverCN', 'approverHN', 'reviewerCNDelegated', 'adminVN'], special: { reviewerCN: 'out-of-scope' } },
  { id: 'T16', event: 'nominate_up', from: 'recognized', to: 'recognized', allowed: ['approverCN', 'approverHN', 'adminVN'] },
  { id: 'T17', event: 'revoke', from: 'recognized', to: 'revoked', allowed: ['approverCN', 'adminVN'], special: { approverHN: 'out-of-scope' } },
  { id: 'T18', event: 'admin_correct', from: 'recognized', to: 'accepted', allowed: ['adminVN'] },
];


const ROLES_FOR: Record<RegistrationEvent, string[]> = Object.fromEntries(
  TRANSITIONS.map((t) => [t.event, t.actors.map((a) => a.split('_')[0]!)]),
) as Record<RegistrationEvent, string[]>;

/** 'ok' or the denial every other actor gets: no such role → role-not-permitted, role elsewhere → out-of-scope. */
export function expectedOutcome(c: (typeof TRANSITION_CASES)[number], name: ActorName): 'ok' | DenialReason {
  if (c.allowed.includes(name)) return 'ok';
  const special = c.special?.[name];
  if (special) return special;
  const actor = ACTORS[name];
  if (actor.kind === 'system') return 'role-not-permitted';
  if (actor.status !== 'active') return 'cadre-not-active';
  return actor.grants.some((g) => ROLES_FOR[c.event]!.includes(g.role)) ? 'out-of-scope' : 'role-not-permitted';
}
