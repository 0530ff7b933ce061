import type { PossibleDuplicate } from './title-similarity.js';
import type { CalendarAnswer } from './campaign-calendar.js';
import type { IsoDate } from './iso-date.js';
import type { RegistrationStatus, RegistrationEvent, RejectReason, ReportKind } from './registration-status.js';

export interface ReportInput {
  kind: ReportKind;
  /** e.g. "2026-H1", "2026"; one report per kind and period. */
  period: string;
  dueDate: IsoDate | null;
  resultsText: string;
  metrics: readonly { name: string; value: number; unit: string | null }[];
  difficulties: string | null;
  proposals: string | null;
}

export interface EvaluationInput {
  round: string;
  method: 'ho_so' | 'khao_sat_thuc_te' | 'hoi_dong';
  evaluatorCadreIds: readonly string[];
  visitedOn: IsoDate | null;
  scores: readonly { criterionCode: string; score: number; max: number }[];
  verdict: 'dat' | 'khong_dat' | 'de_nghi_cap_tren' | 'can_bo_sung';
  comment: string | null;
}

export interface AwardInput {
  form: 'giay_khen' | 'bang_khen' | 'ky_niem_chuong' | 'giai_hoi_thi' | 'bieu_duong' | 'gan_bien';
  rank: 'xuat_sac' | 'nhat' | 'nhi' | 'ba' | 'khuyen_khich' | null;
}

/**
 * What each event needs besides the registration. Facts the machine cannot compute
 * purely (possible duplicates, the calendar's answer) are looked up by the caller.
 */
export interface TransitionPayloads {
  create: { subjectUnitId: string; year: number; allowNextYear: boolean };
  edit: { changedFields: readonly string[] };
  submit: { duplicates: readonly PossibleDuplicate[]; confirmedNewModel: boolean; registrationWindow: CalendarAnswer };
  discard: Record<string, never>;
  accept: Record<string, never>;
  return: { comment: string };
  reject: { reasonCode: RejectReason | string | null; comment?: string };
  resubmit: { duplicates: readonly PossibleDuplicate[]; confirmedNewModel: boolean };
  withdraw: { onCadreRequest: boolean; reason?: string };
  attach_report: { report: ReportInput };
  open_evaluation: { evaluationRoundOpen: boolean };
  request_info: { comment: string };
  record_evaluation: { evaluation: EvaluationInput };
  recognize: { decisionNo: string | null; decisionDate: IsoDate | null; issuerUnitId: string | null; tierCode: string | null; titleAsRecognized?: string; award?: AwardInput };
  decline: { reason: string };
  nominate_up: { fromRecognitionId?: string; toTierCode: string; toIssuerUnitId: string | null };
  revoke: { reason: string; decisionRef: string; recognitionId?: string };
  admin_correct: { toStatus: RegistrationStatus; reason: string };
}

export type PayloadOf<E extends RegistrationEvent> = TransitionPayloads[E];
