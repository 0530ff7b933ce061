/** The closed set of intent labels (see shared/docs/intents.md) and the roles the NLU reasons about. */

export type NluRole = 'resident' | 'cadre' | 'staff';

export const INTENT_LABELS = [
  'event.query',
  'event.detail',
  'subscribe',
  'unsubscribe',
  'model.register',
  'model.status',
  'model.edit',
  'model.withdraw',
  'report.submit',
  'deadline.query',
  'info.criteria',
  'info.definition',
  'info.award',
  'info.calendar',
  'info.process',
  'recognition.query',
  'unit.lookup',
  'contest.info',
  'staff.broadcast_create',
  'staff.broadcast_list',
  'staff.reminder_create',
  'staff.event_update',
  'account.link_help',
  'greeting',
  'help',
  'thanks',
  'handoff.human',
  'out_of_scope',
] as const;

export type IntentLabel = (typeof INTENT_LABELS)[number];

const LABEL_SET: ReadonlySet<string> = new Set(INTENT_LABELS);

export function isIntentLabel(value: string): value is IntentLabel {
  return LABEL_SET.has(value);
}

export const NLU_ROLES: readonly NluRole[] = ['resident', 'cadre', 'staff'];

export function isNluRole(value: unknown): value is NluRole {
  return value === 'resident' || value === 'cadre' || value === 'staff';
}

/**
 * Below this confidence the flow should ask a clarifying question offering the top two readings as buttons.
 * 0.55 keeps clear messages flowing while catching the genuinely two-way ones (dk = register or subscribe…).
 */
export const CLARIFY_THRESHOLD = 0.55;

/** Chat roles come from the cadre record; every role with back-office powers reads messages like staff. */
export function toNluRole(
  chatRole: 'resident' | 'cadre' | 'reviewer' | 'approver' | 'broadcaster' | 'admin',
): NluRole {
  if (chatRole === 'resident') return 'resident';
  if (chatRole === 'cadre') return 'cadre';
  return 'staff';
}
