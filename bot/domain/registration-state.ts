import type { IsoDate } from './iso-date.js';
import type { Category, Field, RegistrationStatus, ReportKind, SubjectType } from './registration-status.js';

/** A recognition as the status machine needs to see it. */
export interface RecognitionFacts {
  id: string;
  tierCode: string;
  issuerUnitId: string;
  decisionNo: string | null;
  decisionDate: IsoDate | null;
  status: 'nominated' | 'approved' | 'declined' | 'revoked';
}

/** What the status machine knows about one registration; loaded by the repository. */
export interface RegistrationState {
  id: string;
  status: RegistrationStatus;
  year: number;
  code: string | null;
  subjectUnitId: string;
  contactCadreId: string | null;
  createdByCadreId: string | null;
  title: string | null;
  category: Category | null;
  subjectType: SubjectType | null;
  field: Field | null;
  summary: string | null;
  personName: string | null;
  location: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  updatedAt: Date;
  reports: readonly { kind: ReportKind; period: string }[];
  recognitions: readonly RecognitionFacts[];
}
