/** Runs every slot extractor on one normalised message; some slots depend on the chosen intent. */
import type { Clock } from '../../core/clock.js';
import type { IntentLabel } from '../labels.js';
import type { Normalized } from '../normalize.js';
import type { CategoryCode, FieldCode, NluSlots } from '../types.js';
import { extractCode } from './code.slot.js';
import { extractDates } from './dates.slot.js';
import { extractEdit } from './edit.slot.js';
import { resolveField } from './field.slot.js';
import { extractAudience, extractCategory, extractEventAndReport, extractSubjectType } from './kinds.slot.js';
import { extractPlace, type Gazetteer } from './place.slot.js';
import { extractTitle, inferTitle } from './title.slot.js';

const isField = (v: string): v is FieldCode =>
  v === 'kinh_te' || v === 'van_hoa_xa_hoi' || v === 'quoc_phong_an_ninh' || v === 'xay_dung_dang';
const isCategory = (v: string): v is CategoryCode =>
  v === 'mo_hinh' || v === 'dien_hinh' || v === 'giai_phap' || v === 'cong_trinh';
const MODEL_CATEGORY_INTENTS: ReadonlySet<IntentLabel> = new Set(['model.register', 'model.edit']);
const NO_KIND_INTENTS: ReadonlySet<IntentLabel> = new Set(['info.definition']);
/** Intents about one registration, whose unquoted title may be inferred. */
const TITLE_INTENTS: ReadonlySet<IntentLabel> = new Set(['model.register', 'model.edit', 'model.status', 'model.withdraw']);
const AUDIENCE_INTENTS: ReadonlySet<IntentLabel> = new Set(['staff.broadcast_create', 'staff.reminder_create']);

export function extractSlots(norm: Normalized, intent: IntentLabel, clock: Clock, gazetteer: Gazetteer): NluSlots {
  const slots: NluSlots = {};
  const quoted = extractTitle(norm.raw);
  const title = quoted ?? (TITLE_INTENTS.has(intent) ? inferTitle(norm) : undefined);
  // Slots other than the title must not be read from inside the quoted title.
  const outside = title ? norm.words.filter((w) => w.end <= title.start || w.start >= title.end) : norm.words;
  const text = outside.map((w) => w.w).join(' ');
  if (title) slots.title = title.title;

  const code = extractCode(text);
  if (code) slots.code = code;
  Object.assign(slots, extractDates(text.replace(/\bdvk-\S+/g, ' '), clock));
  const kinds = extractEventAndReport(text);
  if (kinds.eventType) slots.eventType = kinds.eventType;
  if (kinds.reportKind) slots.reportKind = kinds.reportKind;
  if (!NO_KIND_INTENTS.has(intent)) {
    const category = extractCategory(text, MODEL_CATEGORY_INTENTS.has(intent));
    if (category) slots.category = category;
    const subject = extractSubjectType(text);
    if (subject) slots.subjectType = subject;
  }
  // An inferred title is the model's own name and says its field ("mô hình pccc"); a quoted one is left alone.
  const field = resolveField(title && !quoted ? norm.text : text);
  if (field) slots.field = field;
  const place = extractPlace(norm.raw, outside, gazetteer);
  if (place) slots.place = place;
  if (AUDIENCE_INTENTS.has(intent)) {
    const audience = extractAudience(text);
    if (audience) slots.audience = audience;
  }
  if (intent === 'model.edit') {
    const edit = extractEdit(norm.words, norm.raw, title?.title);
    if (edit) {
      slots.edit = edit;
      const value = edit.value;
      if (edit.attribute === 'field' && isField(value)) slots.field = value;
      if (edit.attribute === 'category' && isCategory(value)) slots.category = value;
      if (edit.attribute === 'subject_type' && (value === 'tap_the' || value === 'ca_nhan')) slots.subjectType = value;
    }
  }
  const choice = /^(?:so |chon |muc )?(\d{1,3})$/.exec(text);
  if (choice) slots.number = Number(choice[1]);
  return slots;
}
