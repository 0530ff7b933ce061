import type { ReportKind } from '../../../domain/registration-status.js';

/** Reports staff set reminders for by chat (the NLU's `reportKind` slot or a button). */
export const RULE_REPORT_KINDS = ['so_ket_6_thang', 'tong_ket_nam'] as const satisfies readonly ReportKind[];

export function reportKindFrom(value: unknown): ReportKind | null {
  if (value === 'so_ket' || value === 'so_ket_6_thang') return 'so_ket_6_thang';
  if (value === 'tong_ket' || value === 'tong_ket_nam') return 'tong_ket_nam';
  return null;
}
