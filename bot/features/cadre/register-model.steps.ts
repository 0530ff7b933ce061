import type { OutboundMessage } from '../../core/outbound-message.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { Understanding } from '../../conversation/understanding.js';
import { normalizeStoredText } from '../../core/fold.js';
import { foldText } from '../../core/fold.js';
import { validateForSubmit } from '../../domain/registration-validation.js';
import { CATEGORIES } from '../../domain/registration-status.js';
import { suggestDiacritics } from '../../nlu/index.js';
import type { CadreProfile, RegistrationService, UnitChoice } from './cadre-services.js';
import { slotPlaceUnit } from '../slot-place-unit.js';
import { isSkip, parseDayMonth, titleSuggestion } from './cadre-text.js';
import { limitsText } from '../attachments/receive-in-step.js';
import type { RegisterData, RegisterDraft, RegisterStep } from './register-model.draft.js';
import { TOTAL_STEPS, stepNumber, toCategory, toDomainField, toSubjectType } from './register-model.draft.js';

export const FIELD_CHOICES = ['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_dang_he_thong_chinh_tri'] as const;

/** Builds the question of a step, with its options (numbered on Zalo Bot by the channel). */
export function askStep(kit: ReplyKit, step: RegisterStep, data: RegisterData, profile: CadreProfile): OutboundMessage {
  const d = data.draft;
  const n = stepNumber(step);
  const prefix = n ? `${kit.t('reg-step-prefix', { n, total: TOTAL_STEPS })} ` : '';
  const say = (key: string, args: Record<string, string | number> = {}, buttons?: OutboundMessage['buttons']) =>
    ({ text: `${prefix}${kit.t(key, args)}`, ...(buttons && buttons.length > 0 ? { buttons } : {}) }) as OutboundMessage;
  switch (step) {
    case 'title':
      return say('reg-ask-title');
    case 'title_confirm':
      return say('reg-ask-title-confirm', { title: data.titleSuggestion ?? d.title ?? '' }, [
        kit.button('reg-btn-keep', 'title:keep'),
        kit.button('reg-btn-retype', 'title:retype'),
      ]);
    case 'category':
      return say('reg-ask-category', {}, CATEGORIES.map((c) => kit.button(`reg-category-${c}`, `cat:${c}`)));
    case 'subject':
      return say('reg-ask-subject', {}, [
        kit.button('reg-btn-subject-own', 'subj:own', { unit: profile.unitName }),
        kit.button('reg-btn-subject-other', 'subj:other'),
        kit.button('reg-btn-subject-person', 'subj:person'),
      ]);
    case 'subject_unit':
      return say('reg-ask-subject-unit');
    case 'subject_unit_choose': {
      const buttons = (data.choices ?? []).map((c) => ({ label: c.name, value: `unit:${c.id}` }));
      const note = data.formerUnitNote;
      if (note) return say('reg-ask-subject-unit-former', { name: note.name, since: note.since, successors: buttons.map((b) => b.label).join(', ') }, buttons);
      return say('reg-ask-subject-unit-choose', {}, buttons);
    }
    case 'person':
      return say('reg-ask-person');
    case 'location':
      return say('reg-ask-location');
    case 'field':
      return say('reg-ask-field', {}, FIELD_CHOICES.map((f) => kit.button(`reg-field-btn-${f}`, `field:${f}`)));
    case 'start':
      return say('reg-ask-start', { year: String(d.year) });
    case 'summary': {
      // The step that invites photos and plans says what may be sent.
      const asked = say('reg-ask-summary');
      return { ...asked, text: `${asked.text}\n${limitsText(kit)}` };
    }
    case 'contact':
      return say('reg-ask-contact', { name: d.contactName ?? profile.fullName, phone: d.contactPhone ?? '—' }, [
        kit.button('reg-btn-yes', 'contact:ok'),
        kit.button('reg-btn-contact-change', 'contact:change'),
      ]);
    case 'contact_choose':
      return say('reg-ask-contact-choose', {}, (data.choices ?? []).map((c) => ({ label: c.name, value: `contact:${c.id}` })));
    default:
      return { text: kit.t('reg-ask-title') };
  }
}

export type StepAnswer =
  | { kind: 'set'; draft: RegisterDraft; data?: Partial<RegisterData>; goto?: RegisterStep }
  | { kind: 'hint'; key: string; args?: Record<string, string | number> };

export interface StepInput {
  text: string;
  choice: string | null;
  understanding: Understanding;
  now: Date;
  profile: CadreProfile;
  registrations: RegistrationService;
}

const hint = (key: string, args?: Record<string, string | number>): StepAnswer => ({ kind: 'hint', key, ...(args ? { args } : {}) });

/** "tên là «…»", quotes and a trailing period are not part of the title. */
function cleanTitle(text: string): string {
  return normalizeStoredText(text)
    .replace(/^(ten (mo hinh|la)|tên (mô hình|là))\s*(la|là)?\s*:?\s*/iu, '')
    .replace(/^[«“"„']+|[»”"']+$/gu, '')
    .replace(/[.]+$/u, '')
    .trim();
}

function titleIssue(title: string): string | null {
  const issues = validateForSubmit({ title, category: 'mo_hinh', subjectType: 'tap_the', field: 'kinh_te', summary: 'x'.repeat(30), personName: null, location: null, startDate: null, endDate: null });
  const issue = issues.find((i) => i.field === 'title');
  return issue ? (issue.messageKey === 'invalid-title-category-only' ? 'reg-hint-title-category-only' : 'reg-hint-title-length') : null;
}

/** Reads the answer to one step, or says precisely what is wrong with it. */
export async function answerStep(step: RegisterStep, data: RegisterData, input: StepInput): Promise<StepAnswer> {
  const d = { ...data.draft };
  const { text, choice, understanding: u } = input;
  switch (step) {
    case 'title':
    case 'title_confirm': {
      if (step === 'title_confirm' && choice === 'title:keep') return { kind: 'set', draft: { ...d, title: data.titleSuggestion ?? d.title } };
      if (step === 'title_confirm' && choice === 'title:retype') return { kind: 'set', draft: { ...d, title: null }, goto: 'title' };
      const title = cleanTitle(text);
      const issue = titleIssue(title);
      if (issue) return hint(issue, { length: title.length });
      const suggestion = titleSuggestion(title, suggestDiacritics);
      if (suggestion) {
        return { kind: 'set', draft: { ...d, title }, data: { titleSuggestion: suggestion }, goto: 'title_confirm' };
      }
      return { kind: 'set', draft: { ...d, title } };
    }
    case 'category': {
      const category = toCategory(choice?.replace(/^cat:/, '')) ?? toCategory(u.slots.category);
      if (!category) return hint('reg-hint-category');
      const subject = toSubjectType(u.slots.subjectType);
      return { kind: 'set', draft: { ...d, category, ...(subject && !d.subjectType ? subjectFor(subject, input.profile) : {}) } };
    }
    case 'subject': {
      const own = { subjectType: 'tap_the' as const, subjectUnitId: input.profile.unitId, subjectUnitName: input.profile.unitName };
      if (choice === 'subj:own') return { kind: 'set', draft: { ...d, ...own } };
      if (choice === 'subj:other') return { kind: 'set', draft: { ...d, subjectType: 'tap_the', subjectUnitId: null }, goto: 'subject_unit' };
      if (choice === 'subj:person') return { kind: 'set', draft: { ...d, ...subjectFor('ca_nhan', input.profile), personName: null } };
      const subject = toSubjectType(u.slots.subjectType);
      if (subject) return { kind: 'set', draft: { ...d, ...subjectFor(subject, input.profile), ...(subject === 'ca_nhan' ? { personName: null } : {}) } };
      return hint('reg-hint-subject');
    }
    case 'subject_unit':
    case 'subject_unit_choose': {
      const picked = choice?.startsWith('unit:') ? choice.slice(5) : null;
      if (picked) {
        const name = data.choices?.find((c) => c.id === picked)?.name ?? (await input.registrations.unitName(picked));
        return { kind: 'set', draft: { ...d, subjectType: 'tap_the', subjectUnitId: picked, subjectUnitName: name }, data: { choices: [], formerUnitNote: undefined } };
      }
      // The NLU's unit (tier word honoured) first; a former unit still goes through the text for its successors.
      const resolved = await resolveSubjectUnit(input, text);
      if (resolved.kind === 'current') return { kind: 'set', draft: { ...d, subjectType: 'tap_the', subjectUnitId: resolved.unitId, subjectUnitName: resolved.name } };
      if (resolved.kind === 'former') {
        return {
          kind: 'set',
          draft: d,
          data: { choices: resolved.successors, formerUnitNote: { name: resolved.name, since: resolved.since } },
          goto: 'subject_unit_choose',
        };
      }
      if (resolved.kind === 'ambiguous') {
        return { kind: 'set', draft: d, data: { choices: resolved.candidates.filter((c) => c.current).map((c) => ({ id: c.id, name: c.name })) }, goto: 'subject_unit_choose' };
      }
      return hint('reg-hint-unit');
    }
    case 'person': {
      const [namePart, ...rest] = normalizeStoredText(text).split(/\s*[,–-]\s*/u);
      const name = (namePart ?? '').replace(/^(ho ten|họ tên|ten|tên)\s*(la|là)?\s*:?\s*/iu, '').trim();
      if (!/^[\p{L} ]{2,80}$/u.test(name) || name.split(' ').length < 2) return hint('reg-hint-person');
      return { kind: 'set', draft: { ...d, personName: name, personPosition: rest.join(', ').trim() || null } };
    }
    case 'location': {
      const location = normalizeStoredText(text);
      if (location.length < 5) return hint('reg-hint-location');
      return { kind: 'set', draft: { ...d, location } };
    }
    case 'field': {
      const field = toDomainField(choice?.replace(/^field:/, '')) ?? toDomainField(u.slots.field) ?? fieldFromWords(text);
      if (!field) return hint('reg-hint-field');
      return { kind: 'set', draft: { ...d, field } };
    }
    case 'start': {
      if (isSkip(text)) return { kind: 'set', draft: { ...d, startDate: null, startAnswered: true } };
      const date = (typeof u.slots.date === 'string' ? u.slots.date : null) ?? parseDayMonth(text, input.now);
      if (!date) return hint('reg-hint-start');
      const year = Number(date.slice(0, 4));
      if (year < d.year - 10 || year > d.year + 1) return hint('reg-hint-start');
      return { kind: 'set', draft: { ...d, startDate: date, startAnswered: true } };
    }
    case 'summary': {
      const summary = normalizeStoredText(text);
      if (summary.length < 30) return hint('reg-hint-summary', { length: summary.length });
      return { kind: 'set', draft: { ...d, summary } };
    }
    case 'contact':
    case 'contact_choose': {
      if (choice === 'contact:ok') return { kind: 'set', draft: { ...d, contactConfirmed: true } };
      if (choice === 'contact:change') {
        const others = (await input.registrations.contactCandidates(input.profile.unitId)).filter((c) => c.cadreId !== d.contactCadreId);
        if (others.length === 0) return hint('reg-hint-contact-none', { name: d.contactName ?? '' });
        return { kind: 'set', draft: d, data: { choices: others.map((c) => ({ id: c.cadreId, name: c.fullName })) }, goto: 'contact_choose' };
      }
      if (choice?.startsWith('contact:')) {
        const id = choice.slice(8);
        const others = await input.registrations.contactCandidates(input.profile.unitId);
        const picked = others.find((c) => c.cadreId === id);
        if (picked) return { kind: 'set', draft: { ...d, contactCadreId: picked.cadreId, contactName: picked.fullName, contactPhone: picked.phoneMasked, contactConfirmed: true } };
      }
      if (/^(dung|dung roi|dung r|ok|vang|u|dong y)$/.test(foldText(text))) return { kind: 'set', draft: { ...d, contactConfirmed: true } };
      return hint('reg-hint-contact');
    }
    default:
      return hint('reg-hint-generic');
  }
}

function subjectFor(subject: 'tap_the' | 'ca_nhan', profile: CadreProfile) {
  // An individual exemplar still belongs to a unit: the cadre's own by default.
  return { subjectType: subject, subjectUnitId: profile.unitId, subjectUnitName: profile.unitName };
}

/** Synonyms of domain §2.3 the NLU may not tag on a bare answer. */
function fieldFromWords(text: string) {
  const f = foldText(text);
  if (/\b(an ninh|pccc|antt|quoc phong|phong chay|trat tu)\b/.test(f)) return 'quoc_phong_an_ninh' as const;
  if (/\b(kinh te|giam ngheo|san xuat|kinh doanh)\b/.test(f)) return 'kinh_te' as const;
  if (/\b(van hoa|giao duc|y te|moi truong|an sinh|xa hoi)\b/.test(f)) return 'van_hoa_xa_hoi' as const;
  if (/\b(xay dung dang|cchc|chinh quyen|chuyen doi so|cai cach hanh chinh|he thong chinh tri)\b/.test(f)) return 'xay_dung_dang_he_thong_chinh_tri' as const;
  return null;
}

/**
 * The subject unit typed as text, NLU unit first. The words are resolved as before (a former unit needs its
 * successors, which only the store knows); when they leave a choice that includes the one unit the NLU named with
 * the tier word honoured ("phường Cửa Nam": today's ward, not the old one), that unit is taken. When the whole answer
 * names nothing, the NLU's cleaned place span is tried ("dạ là phường Hồng Hà ạ").
 */
async function resolveSubjectUnit(input: StepInput, text: string): Promise<UnitChoice> {
  const unit = slotPlaceUnit(input.understanding.slots);
  const span = typeof input.understanding.slots.place === 'string' ? input.understanding.slots.place : undefined;
  let resolved = await input.registrations.resolveUnit(text, input.now);
  if (resolved.kind === 'not_found' && span !== undefined && span !== text) resolved = await input.registrations.resolveUnit(span, input.now);
  if (unit && resolved.kind === 'ambiguous') {
    const named = resolved.candidates.find((c) => c.id === unit.id && c.current);
    if (named) return { kind: 'current', unitId: named.id, name: named.name };
  }
  return resolved;
}
