import type { Category, Field, SubjectType } from '../../domain/registration-status.js';
import { CATEGORIES, FIELDS } from '../../domain/registration-status.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { normalizeStoredText } from '../../core/fold.js';
import type { CadreProfile, DraftFields } from './cadre-services.js';
import type { AttachmentRef } from '../attachments/attachment-services.js';

/** Steps of the registration dialogue (domain §3.1); sub-steps share their parent's number. */
export const REGISTER_STEPS = [
  'title',
  'title_confirm',
  'category',
  'subject',
  'subject_unit',
  'subject_unit_choose',
  'person',
  'location',
  'field',
  'start',
  'summary',
  'contact',
  'contact_choose',
  'review',
  'edit_menu',
  'duplicate',
  'stuck',
  'resume_prompt',
] as const;
export type RegisterStep = (typeof REGISTER_STEPS)[number];

export const TOTAL_STEPS = 7;

const STEP_NUMBER: Partial<Record<RegisterStep, number>> = {
  title: 1, title_confirm: 1, category: 2, subject: 3, subject_unit: 3, subject_unit_choose: 3, person: 3, location: 3,
  field: 4, start: 5, summary: 6, contact: 7, contact_choose: 7,
};

/** The main step asked for step number N ("sửa bước N", "quay lại"). */
const STEP_OF_NUMBER: Record<number, RegisterStep> = { 1: 'title', 2: 'category', 3: 'subject', 4: 'field', 5: 'start', 6: 'summary', 7: 'contact' };

export function stepNumber(step: RegisterStep): number | null {
  return STEP_NUMBER[step] ?? null;
}

export function stepForNumber(n: number): RegisterStep | null {
  return STEP_OF_NUMBER[n] ?? null;
}

/** Everything typed so far; JSON-safe because it lives in the conversation state. */
export interface RegisterDraft {
  title: string | null;
  category: Category | null;
  subjectType: SubjectType | null;
  subjectUnitId: string | null;
  subjectUnitName: string | null;
  personName: string | null;
  personPosition: string | null;
  location: string | null;
  field: Field | null;
  year: number;
  startDate: IsoDate | null;
  /** True once the start date was answered or skipped ("bỏ qua"). */
  startAnswered: boolean;
  summary: string | null;
  contactCadreId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactConfirmed: boolean;
  /** Photos and files sent during the dialogue (stored already; absent in states saved before attachments). */
  attachments?: AttachmentRef[];
}

export interface RegisterData {
  draft: RegisterDraft;
  /** The `draft` registration row once one was saved (cancel, duplicate question). */
  draftId: string | null;
  titleSuggestion?: string;
  /** Wrong answers in a row on the current step. */
  failures?: number;
  /** Units or cadres offered as buttons. */
  choices?: Array<{ id: string; name: string }>;
  /** The last single-field edit on the summary, so "thôi để như cũ" can undo it. */
  lastEdit?: { key: keyof RegisterDraft; previous: unknown; pairKey?: keyof RegisterDraft; pairPrevious?: unknown };
  /** Set when the cadre named a unit abolished in 2025: shown with its successors. */
  formerUnitNote?: { name: string; since: string };
  /** The resume prompt offers a stored draft (`stored`) or the flow that went idle (`state`). */
  resumeSource?: 'stored' | 'state';
  /** Step to return to after the resume prompt or the three-failures prompt. */
  pausedStep?: RegisterStep;
  /** Which typed message answered which step (register-model.correction.ts). */
  answeredBy?: Array<{ messageId: string; step: RegisterStep }>;
}

export function emptyDraft(profile: CadreProfile, year: number): RegisterDraft {
  return {
    title: null,
    category: null,
    subjectType: null,
    subjectUnitId: null,
    subjectUnitName: null,
    personName: null,
    personPosition: null,
    location: null,
    field: null,
    year,
    startDate: null,
    startAnswered: false,
    summary: null,
    contactCadreId: profile.cadreId,
    contactName: profile.fullName,
    contactPhone: profile.phoneMasked,
    contactConfirmed: false,
  };
}

/** NLU field codes name the Party-building field shortly; the domain spells it out. */
export function toDomainField(value: unknown): Field | null {
  if (value === 'xay_dung_dang') return 'xay_dung_dang_he_thong_chinh_tri';
  return typeof value === 'string' && (FIELDS as readonly string[]).includes(value) ? (value as Field) : null;
}

export function toCategory(value: unknown): Category | null {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value) ? (value as Category) : null;
}

export function toSubjectType(value: unknown): SubjectType | null {
  return value === 'tap_the' || value === 'ca_nhan' ? value : null;
}

/** Slots that count as answers to a step (see {@link prefillFromSlots}). */
export function hasPrefill(slots: Record<string, unknown>): boolean {
  return slots.title !== undefined || slots.subjectType !== undefined || slots.field !== undefined || (slots.category !== undefined && slots.category !== 'mo_hinh');
}

/** What the first message already said ("gương điển hình cá nhân «…» lĩnh vực pccc") is not asked again. */
export function prefillFromSlots(draft: RegisterDraft, slots: Record<string, unknown>, profile: CadreProfile): RegisterDraft {
  const next = { ...draft };
  if (typeof slots.title === 'string' && normalizeStoredText(slots.title).length > 0) next.title = normalizeStoredText(slots.title);
  // "đăng ký mô hình" is the everyday phrase for registering anything: only another category word is an answer.
  const category = toCategory(slots.category);
  if (category && category !== 'mo_hinh') next.category = category;
  const subject = toSubjectType(slots.subjectType);
  if (subject) {
    next.subjectType = subject;
    next.subjectUnitId = profile.unitId;
    next.subjectUnitName = profile.unitName;
  }
  next.field = toDomainField(slots.field) ?? next.field;
  return next;
}

/** The first thing still missing, in the order of domain §3.1; `review` when complete. */
export function nextMissingStep(d: RegisterDraft): RegisterStep {
  if (!d.title) return 'title';
  if (!d.category) return 'category';
  if (!d.subjectType || !d.subjectUnitId) return 'subject';
  if (d.subjectType === 'ca_nhan' && !d.personName) return 'person';
  if (d.category === 'cong_trinh' && !d.location) return 'location';
  if (!d.field) return 'field';
  if (!d.startAnswered) return 'start';
  if (!d.summary) return 'summary';
  if (!d.contactConfirmed) return 'contact';
  return 'review';
}

/** The draft as the store takes it. */
export function toDraftFields(d: RegisterDraft): DraftFields {
  return {
    title: d.title,
    category: d.category,
    subjectType: d.subjectType,
    subjectUnitId: d.subjectUnitId,
    personName: d.personName,
    personPosition: d.personPosition,
    location: d.location,
    field: d.field,
    year: d.year,
    startDate: d.startDate,
    summary: d.summary,
    contactCadreId: d.contactCadreId,
    attachments: d.attachments ?? [],
  };
}

/** A stored draft back into the dialogue ("tiếp tục"). */
export function fromDraftFields(fields: DraftFields, base: RegisterDraft, unitName: string | null): RegisterDraft {
  return {
    ...base,
    title: fields.title ?? null,
    category: fields.category ?? null,
    subjectType: fields.subjectType ?? null,
    subjectUnitId: fields.subjectType ? (fields.subjectUnitId ?? null) : null,
    subjectUnitName: fields.subjectType ? unitName : null,
    personName: fields.personName ?? null,
    personPosition: fields.personPosition ?? null,
    location: fields.location ?? null,
    field: fields.field ?? null,
    year: fields.year ?? base.year,
    startDate: fields.startDate ?? null,
    startAnswered: fields.startDate !== null && fields.startDate !== undefined,
    summary: fields.summary ?? null,
    attachments: fields.attachments ?? [],
  };
}

export function readRegisterData(data: Record<string, unknown>): RegisterData | null {
  const draft = data.draft as RegisterDraft | undefined;
  return draft && typeof draft === 'object' ? (data as unknown as RegisterData) : null;
}
