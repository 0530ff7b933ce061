import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { RegistrationStatus } from '../../domain/registration-status.js';
import { statusLabelKey } from '../../domain/registration-status.js';
import type { Refusal, RegistrationView } from './cadre-services.js';
import { showDate, shorten } from './cadre-text.js';

/** Why the domain refused, in the user's words (`err-*` of domain.ftl), with what is possible now. */
export function refusalText(kit: ReplyKit, refusal: Refusal): string {
  if (refusal.reason === 'not-found') return kit.t('cadre-not-found-or-hidden');
  const allowed = (refusal.allowed ?? []).map((e) => kit.t(`event-${e.replace(/_/g, '-')}`));
  return kit.t(`err-${refusal.reason}`, { status: 'new', ...refusal.args, allowed: allowed.length > 0 ? allowed.join(', ') : '—' });
}

/** Status wording of domain §3.2, with the decision or reason where there is one. */
export function statusText(kit: ReplyKit, r: Pick<RegistrationView, 'status' | 'recognition' | 'lastNote' | 'year'>): string {
  const status: RegistrationStatus = r.status;
  if (status === 'recognized' && r.recognition) {
    return kit.t('status-recognized-detail', {
      tier: r.recognition.tierLabel,
      decisionNo: r.recognition.decisionNo ?? '—',
      decisionDate: r.recognition.decisionDate ? showDate(r.recognition.decisionDate) : '—',
    });
  }
  if (status === 'not_recognized') return kit.t('status-not-recognized-detail', { year: String(r.year) });
  if (status === 'rejected' && r.lastNote) return kit.t('status-rejected-detail', { reason: reasonLabel(kit, r.lastNote.comment) });
  return kit.t(statusLabelKey(status));
}

/** Reject reason codes read as words; free comments stay as written. */
export function reasonLabel(kit: ReplyKit, comment: string): string {
  return /^(trung_lap|khong_thuoc_pham_vi|khong_phai_mo_hinh_dan_van|sai_don_vi)$/.test(comment) ? kit.t(`review-reject-${comment.replace(/_/g, '-')}`) : comment;
}

/** "DVK-2026-CN-017 «Thanh niên tuyên truyền…»" */
export function registrationLabel(r: Pick<RegistrationView, 'code' | 'title'>, max = 50): string {
  return `${r.code ?? '—'} «${shorten(r.title ?? '', max)}»`;
}
