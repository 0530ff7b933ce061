import { foldText } from '../../core/fold.js';

export type ReportKind = 'registrations' | 'recognitions' | 'reports' | 'statistics';

/** What a staff member asked for: a file ("xuất … ra excel") or the figures ("thống kê …"). */
export type StaffReportRequest =
  | { kind: 'export'; what: ReportKind; format: 'xlsx' | 'csv'; year: number }
  | { kind: 'statistics'; year: number };

const EXPORT_VERB = /\b(xuat|export|tai ve|tai xuong|download|gui file|gui tep)\b/;
const FILE_WORDS = /\b(excel|exel|xlsx|xls|csv|file|tep|bang tinh|spreadsheet)\b/;
const STATISTICS = /\b(thong ke|so lieu|statistics|stats)\b/;

/**
 * Recognises "xuất danh sách mô hình năm 2026 ra excel", "xuat bao cao csv",
 * "thống kê mô hình của phường năm nay" without the NLU (its labels belong to
 * another team): a small, explicit pattern, tried before the NLU-driven features.
 * Returns null for anything else, so other features still see the message.
 */
export function parseStaffReportRequest(text: string, currentYear: number): StaffReportRequest | null {
  const folded = foldText(text);
  if (folded.length === 0 || folded.length > 160) return null;
  const year = yearIn(folded, currentYear);
  const wantsFile = EXPORT_VERB.test(folded) && (FILE_WORDS.test(folded) || /\bdanh sach\b/.test(folded));
  if (wantsFile || (FILE_WORDS.test(folded) && /\b(danh sach|thong ke)\b/.test(folded))) {
    return { kind: 'export', what: whatIn(folded), format: /\bcsv\b/.test(folded) ? 'csv' : 'xlsx', year };
  }
  if (STATISTICS.test(folded)) return { kind: 'statistics', year };
  return null;
}

function whatIn(folded: string): ReportKind {
  if (/\bthong ke\b|\bso lieu\b/.test(folded)) return 'statistics';
  if (/\bcong nhan\b|\bkhen thuong\b/.test(folded)) return 'recognitions';
  if (/\bbao cao\b|\bso ket\b|\btong ket\b/.test(folded)) return 'reports';
  return 'registrations';
}

function yearIn(folded: string, currentYear: number): number {
  const explicit = /\b(20\d\d)\b/.exec(folded);
  if (explicit) return Number(explicit[1]);
  if (/\bnam (ngoai|truoc|roi)\b/.test(folded)) return currentYear - 1;
  return currentYear;
}
