import type { ChatIdentity } from '../../core/identity.js';
import type { OutboundFile } from '../../core/outbound-message.js';
import type { UnitYearStatistics } from '../../domain/unit-year-statistics.js';
import type { ReportKind } from './staff-report-request.js';

/** Whose figures a staff member may take: the subtree of their reviewer, approver or admin grant. */
export type StaffReportScope =
  | { kind: 'staff'; unitId: string; unitName: string }
  /** `cadre`: a linked cadre without such a role (told why); otherwise a resident (not this feature's turn). */
  | { kind: 'not-staff'; cadre: boolean };

export interface PreparedFile {
  file: OutboundFile;
  /** One-time download link (24 h) for channels that cannot send files. */
  link: string;
}

/** Built in worker/store/staff-report-services.ts; absent where the worker was not given a translator. */
export interface StaffReportServices {
  staffReports?: {
    scope(user: ChatIdentity, now: Date): Promise<StaffReportScope>;
    exportFile(input: { what: ReportKind; format: 'xlsx' | 'csv'; unitId: string; year: number; locale: string; now: Date; userId: string }): Promise<PreparedFile & { rows: number }>;
    statistics(input: { unitId: string; year: number; locale: string; now: Date; userId: string }): Promise<{ stats: UnitYearStatistics; chart: PreparedFile }>;
  };
}
