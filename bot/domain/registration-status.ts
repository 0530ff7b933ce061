/** Registration statuses (domain §2.2). `deleted` is the soft-deleted draft of T4. */
export const REGISTRATION_STATUSES = [
  'draft',
  'submitted',
  'needs_revision',
  'accepted',
  'under_evaluation',
  'recognized',
  'not_recognized',
  'rejected',
  'withdrawn',
  'revoked',
  'deleted',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Terminal for the campaign year (■ in the diagram). */
export const TERMINAL_STATUSES: readonly RegistrationStatus[] = ['rejected', 'withdrawn', 'not_recognized', 'revoked', 'deleted'];

export const REGISTRATION_EVENTS = [
  'create',
  'edit',
  'submit',
  'discard',
  'accept',
  'return',
  'reject',
  'resubmit',
  'withdraw',
  'attach_report',
  'open_evaluation',
  'request_info',
  'record_evaluation',
  'recognize',
  'decline',
  'nominate_up',
  'revoke',
  'admin_correct',
] as const;
export type RegistrationEvent = (typeof REGISTRATION_EVENTS)[number];

/** Reject reason codes of T7. */
export const REJECT_REASONS = ['trung_lap', 'khong_thuoc_pham_vi', 'khong_phai_mo_hinh_dan_van', 'sai_don_vi'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REPORT_KINDS = ['so_ket_6_thang', 'so_ket_giai_doan', 'tong_ket_nam', 'bao_cao_thanh_tich'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const CATEGORIES = ['mo_hinh', 'dien_hinh', 'giai_phap', 'cong_trinh'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SUBJECT_TYPES = ['tap_the', 'ca_nhan'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const FIELDS = ['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_dang_he_thong_chinh_tri', 'khac'] as const;
export type Field = (typeof FIELDS)[number];

/** Status label message id in locales (domain §3.2). */
export function statusLabelKey(status: RegistrationStatus): string {
  return `status-${status.replace(/_/g, '-')}`;
}

export function eventLabelKey(event: RegistrationEvent): string {
  return `event-${event.replace(/_/g, '-')}`;
}

/**
 * Residents only ever see recognised registrations, or ones staff explicitly marked
 * public; drafts, deleted, rejected and withdrawn items stay hidden even if marked.
 */
export function isVisibleToResident(registration: { status: RegistrationStatus; markedPublic: boolean }): boolean {
  if (registration.status === 'recognized') return true;
  const neverPublic: readonly RegistrationStatus[] = ['draft', 'deleted', 'rejected', 'withdrawn', 'submitted', 'needs_revision'];
  return registration.markedPublic && !neverPublic.includes(registration.status);
}
