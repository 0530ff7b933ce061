/**
 * Field (lĩnh vực) from free text via the synonym table of domain.md §2.3: "pccc", "an ninh" → QP-AN,
 * "giam ngheo" → KT, "giao duc", "y te", "moi truong" → VH-XH, "cchc", "chuyen doi so" → XDĐ-HTCT.
 */
import type { FieldCode } from '../types.js';

const SYNONYMS: ReadonlyArray<readonly [FieldCode, RegExp]> = [
  ['quoc_phong_an_ninh', /\b(quoc phong|an ninh|phong chay|chua chay|trat tu|toi pham|cuu nan|cuu ho|ma tuy|qp an|qp-an)\b/],
  ['kinh_te', /\b(kinh te|giam ngheo|thoat ngheo|sinh ke|san xuat|nong nghiep|lam giau|khoi nghiep)\b/],
  ['xay_dung_dang', /\b(xay dung dang|he thong chinh tri|cai cach hanh chinh|hanh chinh cong|chinh quyen|chuyen doi so|so hoa|cong nghe thong tin|xdd)\b/],
  ['van_hoa_xa_hoi', /\b(van hoa|xa hoi|vh xh|giao duc|y te|moi truong|an sinh|suc khoe|tu thien|hien mau|rac thai|hoc sinh)\b/],
];
/** Phrases that contain a field word but are not about a field ("nhà văn hóa" is a venue). */
const NOT_FIELD = /\b(nha van hoa|trung tam van hoa)\b/g;

/** The field named in `text` (folded), the earliest mention winning. */
export function resolveField(text: string): FieldCode | undefined {
  const t = text.replace(NOT_FIELD, ' ');
  let best: { code: FieldCode; at: number } | undefined;
  for (const [code, re] of SYNONYMS) {
    const m = re.exec(t);
    if (m && (best === undefined || m.index < best.at)) best = { code, at: m.index };
  }
  return best?.code;
}
