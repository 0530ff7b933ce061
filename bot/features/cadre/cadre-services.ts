import type { ChatIdentity } from '../../core/identity.js';
import type { OutboundMessage } from '../../core/outbound-message.js';
import type { CadreStatus, Role } from '../../domain/roles.js';
import type { Category, Field, RegistrationEvent, RegistrationStatus, ReportKind, SubjectType } from '../../domain/registration-status.js';
import type { DenialReason } from '../../domain/denial.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { AttachmentRef } from '../attachments/attachment-services.js';

/** The cadre record behind a chat account, as the flows show it (phone already masked). */
export interface CadreProfile {
  cadreId: string;
  fullName: string;
  position: string | null;
  phoneMasked: string | null;
  unitId: string;
  unitName: string;
  status: CadreStatus;
  roles: Role[];
  /** Set when the cadre's unit was abolished (2025 reform): the cadre must pick a successor. */
  formerUnit: { name: string; successors: Array<{ id: string; name: string }> } | null;
  /** Roles wait for a staff member to confirm the new unit. */
  rolesSuspended: boolean;
}

/** Fields collected while drafting; all optional until submit (domain §2.1). */
export interface DraftFields {
  title?: string | null;
  category?: Category | null;
  subjectType?: SubjectType | null;
  subjectUnitId?: string | null;
  personName?: string | null;
  personPosition?: string | null;
  location?: string | null;
  field?: Field | null;
  year?: number;
  startDate?: IsoDate | null;
  summary?: string | null;
  contactCadreId?: string | null;
  /** Stored photos and files (bot/features/attachments); saving links them to the registration. */
  attachments?: AttachmentRef[];
}

/** One registration as a cadre or reviewer sees it in a list or a lookup. */
export interface RegistrationView {
  id: string;
  code: string | null;
  title: string | null;
  year: number;
  status: RegistrationStatus;
  category: Category | null;
  subjectType: SubjectType | null;
  subjectUnitId: string;
  subjectUnitName: string;
  personName: string | null;
  field: Field | null;
  summary: string | null;
  startDate: IsoDate | null;
  late: boolean;
  contactCadreId: string | null;
  contactName: string | null;
  /** When the current status began (last audited transition), else the last update. */
  statusSince: Date;
  /** The latest reviewer comment or reason (return, reject, request_info). */
  lastNote: { event: string; comment: string; at: Date } | null;
  recognition: { tierCode: string; tierLabel: string; decisionNo: string | null; decisionDate: IsoDate | null } | null;
  reports: Array<{ kind: ReportKind; period: string }>;
  /** Photos and files sent with the registration (names and sizes; the bytes stay in the store). */
  attachments: AttachmentRef[];
  /** For accepted registrations: the next report due by the campaign calendar, if configured. */
  /** The next report due; `overdue` when its due date has passed (it can still be filed, marked late). */
  nextReport: { kind: ReportKind; dueDate: IsoDate; overdue: boolean } | null;
}

/** A refusal from the domain, with the message key args (see locales/*\/domain.ftl `err-*`). */
export interface Refusal {
  ok: false;
  reason: DenialReason | 'not-found';
  args: Record<string, string | number>;
  /** What the actor may do now instead (status machine's `allowedEvents`). */
  allowed?: RegistrationEvent[];
  /** For `possible-duplicate`: the similar registrations. */
  duplicates?: Array<{ code: string | null; title: string }>;
}

export interface Done {
  ok: true;
  registrationId: string;
  code: string | null;
  to: RegistrationStatus;
  /** Message keys of soft warnings (late submission, decision number format). */
  warnings: string[];
  /** The contact cadre to tell about it, when someone else acted. */
  notifyCadreId: string | null;
}

export type ActionResult = Done | Refusal;

export type UnitChoice =
  | { kind: 'current'; unitId: string; name: string }
  | { kind: 'former'; name: string; since: string; successors: Array<{ id: string; name: string }> }
  | { kind: 'ambiguous'; candidates: Array<{ id: string; name: string; current: boolean }> }
  | { kind: 'not_found' };

export interface ReportDraft {
  kind: ReportKind;
  resultsText: string;
  difficulties: string | null;
  proposals: string | null;
  /** Stored photos and files; filing the report links them to it. */
  attachments?: AttachmentRef[];
}

/** What a transition by a reviewer or approver needs besides the registration. */
export type ReviewPayload =
  | { event: 'accept' }
  | { event: 'return'; comment: string }
  | { event: 'reject'; reasonCode: string; comment?: string }
  | { event: 'open_evaluation' }
  | { event: 'request_info'; comment: string }
  | { event: 'record_evaluation'; scores: Array<{ criterionCode: string; score: number; max: number }>; verdict: 'dat' | 'khong_dat' | 'de_nghi_cap_tren' | 'can_bo_sung'; comment: string | null }
  | { event: 'recognize'; decisionNo: string; decisionDate: IsoDate }
  | { event: 'decline'; reason: string }
  | { event: 'nominate_up'; toTierCode: string }
  | { event: 'revoke'; reason: string; decisionRef: string };

export interface RubricCriterion {
  code: string;
  labelKey: string;
  max: number;
}

export interface LinkingService {
  /** Until when linking is locked after five wrong codes in 15 minutes (null = not locked). */
  lockedUntil(userId: string, now: Date): Promise<Date | null>;
  /** Checks a code without using it up; a wrong one is recorded towards the lockout. */
  checkCode(userId: string, code: string, now: Date): Promise<{ ok: true; cadre: CadreProfile } | { ok: false; reason: 'unknown' | 'expired' | 'used'; lockedUntil: Date | null }>;
  /** Uses the code up and binds the chat account to its cadre. */
  confirm(userId: string, code: string, now: Date): Promise<CadreProfile | null>;
  /** A cadre of an abolished unit picks its successor; roles stay suspended until staff confirm. */
  chooseSuccessorUnit(userId: string, unitId: string, now: Date): Promise<CadreProfile | null>;
  /**
   * A reviewer or admin whose scope covers the cadre's new unit confirms it (roles
   * move to the new unit and resume) or turns it down (roles stay suspended).
   */
  decideSuccessorUnit(
    staffUserId: string,
    cadreId: string,
    approve: boolean,
    now: Date,
  ): Promise<{ ok: true; cadre: CadreProfile } | { ok: false; reason: 'not_allowed' | 'nothing_pending' }>;
}

/** A campaign calendar answer for registrations; nothing is invented when it is not configured. */
export type RegistrationWindow =
  | { status: 'not_configured' }
  | { status: 'configured'; startsOn: IsoDate | null; endsOn: IsoDate; officeName: string; demo: boolean };

export interface RegistrationService {
  resolveUnit(query: string, now: Date): Promise<UnitChoice>;
  unitName(unitId: string): Promise<string>;
  /** Other active cadres of a unit who could be the contact person. */
  contactCandidates(unitId: string): Promise<Array<{ cadreId: string; fullName: string; phoneMasked: string | null }>>;
  /** Keeps a draft as a `draft` registration (T1/T2) so it survives 30 days. */
  saveDraft(user: ChatIdentity, draftId: string | null, fields: DraftFields, now: Date): Promise<{ ok: true; draftId: string } | Refusal>;
  /** The cadre's most recent draft younger than 30 days. */
  latestDraft(user: ChatIdentity, now: Date): Promise<{ draftId: string; fields: DraftFields } | null>;
  discardDraft(user: ChatIdentity, draftId: string, now: Date): Promise<void>;
  /** The registration window the unit's reviewing office set for the year (campaign calendar), as of `now`. */
  registrationWindow(unitId: string, year: number, now: Date): Promise<RegistrationWindow>;
  /** Creates (or updates) the draft row and fires T3. */
  submit(user: ChatIdentity, draftId: string | null, fields: DraftFields, options: { confirmedNewModel: boolean }, now: Date): Promise<(Done & { reviewingUnitName: string }) | (Refusal & { draftId?: string })>;
  listMine(user: ChatIdentity, now: Date): Promise<RegistrationView[]>;
  /** A registration by code, only for the owning unit's cadres and reviewers/approvers in scope. */
  findByCode(user: ChatIdentity, code: string, now: Date): Promise<RegistrationView | null>;
  /** Registrations the user may see whose titles match a few words ("mô hình vỉa hè"). */
  searchByTitle(user: ChatIdentity, words: string, now: Date): Promise<RegistrationView[]>;
  get(user: ChatIdentity, registrationId: string, now: Date): Promise<RegistrationView | null>;
  /** Saves the requested additions and fires T8 (resubmit). */
  /** `attachments`: files sent during the revision, added to the registration's. */
  revise(user: ChatIdentity, registrationId: string, additions: Record<string, string>, now: Date, attachments?: AttachmentRef[]): Promise<ActionResult>;
  withdraw(user: ChatIdentity, registrationId: string, now: Date): Promise<ActionResult>;
  attachReport(user: ChatIdentity, registrationId: string, report: ReportDraft, now: Date): Promise<ActionResult & { cancelledReminders?: number }>;
}

export interface ReviewService {
  /** Registrations in the reviewer's or approver's scope waiting for them. */
  queue(user: ChatIdentity, now: Date): Promise<RegistrationView[]>;
  allowedActions(user: ChatIdentity, registrationId: string, now: Date): Promise<RegistrationEvent[]>;
  act(user: ChatIdentity, registrationId: string, payload: ReviewPayload, now: Date): Promise<ActionResult>;
  rubric(subjectType: SubjectType | null): RubricCriterion[];
  /** The approver's own tier and issuing body; null for non-approvers. */
  approverTier(user: ChatIdentity, now: Date): Promise<{ tierCode: string; tierLabel: string; issuerUnitId: string; issuerName: string; higherTiers: Array<{ code: string; label: string }> } | null>;
}

export interface NotificationService {
  /** Writes a message to every chat account of a cadre (outbox, same transaction); returns how many. */
  notifyCadre(cadreId: string, render: (locale: 'vi' | 'en') => OutboundMessage): Promise<number>;
  /** Tells reviewers whose scope covers the unit that something waits for them. */
  notifyReviewers(unitId: string, render: (locale: 'vi' | 'en') => OutboundMessage, now: Date): Promise<number>;
}

export interface CadreApi {
  /** The cadre behind this chat account, or null when the account is not linked. */
  profile(user: ChatIdentity, now: Date): Promise<CadreProfile | null>;
  linking: LinkingService;
  registrations: RegistrationService;
  review: ReviewService;
  notifications: NotificationService;
}

/** Services the cadre and reviewer features use (linking, registrations, reports, review). Implemented in worker/store/cadre-services.ts. */
export interface CadreServices {
  /** Optional so that plumbing tests without a database still run; the features stay silent without it. */
  cadre?: CadreApi;
}
