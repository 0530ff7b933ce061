import { foldText, normalizeStoredText } from '../../bot/core/fold.js';
import type { IsoDate } from '../../bot/domain/iso-date.js';
import { suggestUnitShortCode } from '../../bot/domain/registration-code.js';
import type { RecognitionFacts, RegistrationState } from '../../bot/domain/registration-state.js';
import type { Category, Field, RegistrationStatus, ReportKind, SubjectType } from '../../bot/domain/registration-status.js';
import type { DuplicateCandidate } from '../../bot/domain/title-similarity.js';
import { lastValidDay, type UnitTree } from '../../bot/domain/unit-tree.js';
import type { Db } from '../../runtime/database.js';
import { fromIsoDate, toIsoDate } from './store-dates.js';

/** Fields a cadre fills in while drafting (domain §2.1); all optional until submit. */
export interface DraftFields {
  title?: string | null;
  category?: Category | null;
  subjectType?: SubjectType | null;
  field?: Field | null;
  summary?: string | null;
  personName?: string | null;
  personPosition?: string | null;
  location?: string | null;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  contactCadreId?: string | null;
  replicatesRegistrationId?: string | null;
  continuesFromId?: string | null;
}

/** Columns for draft fields: text stored NFC with an ASCII-folded title shadow. */
export function draftColumns(fields: DraftFields) {
  const text = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : normalizeStoredText(v));
  const title = text(fields.title);
  return {
    ...(title !== undefined ? { title, titleFolded: title === null ? null : foldText(title) } : {}),
    ...(fields.category !== undefined ? { category: fields.category } : {}),
    ...(fields.subjectType !== undefined ? { subjectType: fields.subjectType } : {}),
    ...(fields.field !== undefined ? { field: fields.field } : {}),
    ...(fields.summary !== undefined ? { summary: text(fields.summary) } : {}),
    ...(fields.personName !== undefined ? { personName: text(fields.personName) } : {}),
    ...(fields.personPosition !== undefined ? { personPosition: text(fields.personPosition) } : {}),
    ...(fields.location !== undefined ? { location: text(fields.location) } : {}),
    ...(fields.startDate !== undefined ? { startDate: fromIsoDate(fields.startDate) } : {}),
    ...(fields.endDate !== undefined ? { endDate: fromIsoDate(fields.endDate) } : {}),
    ...(fields.contactCadreId !== undefined ? { contactCadreId: fields.contactCadreId } : {}),
    ...(fields.replicatesRegistrationId !== undefined ? { replicatesRegistrationId: fields.replicatesRegistrationId } : {}),
    ...(fields.continuesFromId !== undefined ? { continuesFromId: fields.continuesFromId } : {}),
  };
}

export type StoredRegistrationState = RegistrationState & { version: number };

/** The status machine's view of one registration, or undefined. */
export async function loadRegistrationState(db: Db, id: string): Promise<StoredRegistrationState | undefined> {
  const r = await db.registration.findUnique({
    where: { id },
    include: { reports: { select: { kind: true, period: true } }, recognitions: { orderBy: { createdAt: 'asc' } } },
  });
  if (!r) return undefined;
  return {
    id: r.id,
    status: r.status as RegistrationStatus,
    year: r.year,
    code: r.code,
    subjectUnitId: r.subjectUnitId,
    contactCadreId: r.contactCadreId,
    createdByCadreId: r.createdByCadreId,
    title: r.title,
    category: r.category as Category | null,
    subjectType: r.subjectType as SubjectType | null,
    field: r.field as Field | null,
    summary: r.summary,
    personName: r.personName,
    location: r.location,
    startDate: toIsoDate(r.startDate),
    endDate: toIsoDate(r.endDate),
    updatedAt: r.updatedAt,
    reports: r.reports.map((x) => ({ kind: x.kind as ReportKind, period: x.period })),
    recognitions: r.recognitions.map(
      (x): RecognitionFacts => ({
        id: x.id,
        tierCode: x.tierCode,
        issuerUnitId: x.issuerUnitId,
        decisionNo: x.decisionNo,
        decisionDate: toIsoDate(x.decisionDate),
        status: x.status as RecognitionFacts['status'],
      }),
    ),
    version: r.version,
  };
}

/** Registrations of the same owning unit and year that a new title may duplicate. */
export async function loadDuplicateCandidates(db: Db, subjectUnitId: string, year: number): Promise<DuplicateCandidate[]> {
  const rows = await db.registration.findMany({
    where: { subjectUnitId, year, status: { notIn: ['deleted', 'withdrawn', 'rejected'] }, title: { not: null } },
    select: { id: true, code: true, title: true, subjectUnitId: true, year: true },
  });
  return rows.map((r) => ({ ...r, title: r.title! }));
}

/** Row-locks a registration for the rest of the transaction (transitions serialise per registration). */
export async function lockRegistration(db: Db, id: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "registration" WHERE "id" = ${id} FOR UPDATE`;
  return rows.length === 1;
}

/** "Công an phường Hàng Bồ, Hoàn Kiếm, Hà Nội" as of a date: readable after mergers. */
export function unitSnapshot(units: UnitTree, unitId: string, asOf: IsoDate) {
  const unit = units.get(unitId);
  if (!unit) return { unitId, name: unitId, path: [], label: unitId, asOf };
  const path = units.ancestorsAsOf(unitId, lastValidDay(unit, asOf)).filter((a) => a.type !== 'country');
  return { unitId, name: unit.name, path: path.map((a) => ({ id: a.id, name: a.name, type: a.type })), label: [unit.name, ...path.map((a) => a.name)].join(', '), asOf };
}

/** The short code for a unit's registration codes: its own, else the nearest ancestor's, else derived. */
export function registrationShortCode(units: UnitTree, unitId: string, asOf: IsoDate): string {
  const unit = units.get(unitId);
  if (!unit) return 'DV';
  const chain = [unit, ...units.ancestorsAsOf(unitId, lastValidDay(unit, asOf))];
  return chain.find((u) => u.shortCode)?.shortCode ?? suggestUnitShortCode(unit.name);
}
