import type { AuditChannel } from './audit-entry.js';
import type { IsoDate } from './iso-date.js';
import type { RegistrationEvent, RegistrationStatus, ReportKind } from './registration-status.js';
import type { AwardInput, EvaluationInput, ReportInput } from './transition-payloads.js';

/**
 * What a transition asks the caller to do, as data: the machine stays pure and the
 * caller performs these inside the same database transaction as the status change
 * (notifications go through the outbox).
 */
export type SideEffect =
  | { type: 'write_audit'; action: string; before: RegistrationStatus | null; after: RegistrationStatus; actor: string; channel: AuditChannel; at: Date; details: Record<string, unknown> }
  | { type: 'notify_contact_cadre'; messageKey: string; args: Record<string, string | number> }
  | { type: 'confirm_to_actor'; messageKey: string; args: Record<string, string | number> }
  | { type: 'assign_code' }
  | { type: 'snapshot_unit'; unitId: string; asOf: IsoDate }
  | { type: 'set_late'; late: boolean }
  | { type: 'queue_for_review'; subjectUnitId: string }
  | { type: 'soft_delete' }
  | { type: 'create_report'; report: ReportInput; late: boolean }
  | { type: 'cancel_reminders'; reportKind: ReportKind | 'all' }
  | { type: 'create_evaluation'; evaluation: EvaluationInput }
  | { type: 'create_recognition'; tierCode: string; issuerUnitId: string; decisionNo: string; decisionDate: IsoDate; year: number; titleAsRecognized: string | null }
  | { type: 'create_award'; award: AwardInput; issuerUnitId: string; decisionNo: string; date: IsoDate }
  | { type: 'offer_announcement_draft'; kind: 'recognition' }
  | { type: 'create_nomination'; fromRecognitionId: string; toTierCode: string; toIssuerUnitId: string | null }
  | { type: 'revoke_recognition'; recognitionId: string; reason: string; decisionRef: string }
  | { type: 'record_comment'; event: RegistrationEvent; comment: string };

export type SideEffectType = SideEffect['type'];
