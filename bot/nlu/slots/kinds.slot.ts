/** Enumerated slots read from keywords: event type, report kind, category, subject type, audience. */
import type { CategoryCode } from '../types.js';

const EVENT_TYPES: ReadonlyArray<readonly [string, RegExp]> = [
  ['other_movement', /\bdai doan ket\b/],
  ['hoi_thi_chung_khao', /\bchung khao\b/],
  ['hoi_thi_so_khao', /\bso khao\b/],
  ['hoi_thi', /\b(hoi thi|cuoc thi)\b/],
  ['ngay_hoi', /\bngay hoi\b/],
  ['ra_mat_mo_hinh', /\bra mat mo hinh\b/],
  ['tuyen_duong', /\b(le|buoi|hoi nghi) (tuyen duong|bieu duong)\b|\btuyen duong dien hinh\b/],
  ['ky_niem', /\b(le|buoi|hop mat) ky niem\b|\bhop mat\b|\bky niem (?!chuong|bao nhieu)\d*/],
];
const SPECIFIC = new Set(['other_movement', 'hoi_thi_chung_khao', 'hoi_thi_so_khao']);
const REPORT_CONTEXT = /\b(bao cao|nop|han|ket qua)\b/;

export function extractEventAndReport(text: string): { eventType?: string; reportKind?: 'so_ket' | 'tong_ket' } {
  const out: { eventType?: string; reportKind?: 'so_ket' | 'tong_ket' } = {};
  const review = /\b(so ket|tong ket)\b/.exec(text);
  if (review) {
    const kind = review[1] === 'so ket' ? 'so_ket' : 'tong_ket';
    if (REPORT_CONTEXT.test(text)) out.reportKind = kind;
    else out.eventType = kind;
  } else if (/\b(bao cao|ket qua) 6 thang\b/.test(text)) out.reportKind = 'so_ket';
  if (out.eventType === undefined) {
    let best: { type: string; at: number } | undefined;
    // The specific readings (another movement's festival, a named round) beat the generic word they contain.
    for (const [type, re] of EVENT_TYPES) {
      const m = re.exec(text);
      if (m && SPECIFIC.has(type)) {
        best = { type, at: m.index };
        break;
      }
      if (m && (best === undefined || m.index < best.at)) best = { type, at: m.index };
    }
    if (best && !(review && best.at > review.index && out.reportKind === undefined)) out.eventType = best.type;
  }
  return out;
}

/** "điển hình", "giải pháp", "công trình" always count; the generic "mô hình" only when registering/editing. */
export function extractCategory(text: string, allowModel: boolean): CategoryCode | undefined {
  const m = /\b(dien hinh|guong|giai phap|cong trinh)\b/.exec(text);
  if (m) return m[1] === 'giai phap' ? 'giai_phap' : m[1] === 'cong trinh' ? 'cong_trinh' : 'dien_hinh';
  if (allowModel && /\bmo hinh\b/.test(text)) return 'mo_hinh';
  return undefined;
}

export function extractSubjectType(text: string): 'tap_the' | 'ca_nhan' | undefined {
  const m = /\b(tap the|ca nhan)\b/.exec(text);
  if (!m) return undefined;
  return m[1] === 'tap the' ? 'tap_the' : 'ca_nhan';
}

const RESIDENTS = /\b(nguoi dan|ba con|cu dan|nhan dan|ho dan|nguoi theo doi|moi nguoi)\b|\b(gui|cho|toi|den) dan\b/;
const CADRES = /\b(can bo|don vi|chi bo|dang vien|doan vien|to truong|bi thu|cac to|chi hoi|lanh dao)\b/;

export function extractAudience(text: string): 'residents' | 'cadres' | 'both' | undefined {
  if (/\bca hai\b/.test(text)) return 'both';
  const r = RESIDENTS.test(text);
  const c = CADRES.test(text);
  if (r && c) return 'both';
  if (r) return 'residents';
  if (c) return 'cadres';
  return undefined;
}
