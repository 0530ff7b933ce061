import type { OutboundMessage } from '../../core/outbound-message.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { Understanding } from '../../conversation/understanding.js';
import { normalizeStoredText } from '../../core/fold.js';
import { foldKeepingPunctuation } from '../../core/fold.js';
import { commandText, parseDayMonth, showDate, shorten } from './cadre-text.js';
import type { RegisterData, RegisterDraft, RegisterStep } from './register-model.draft.js';
import { maskPhonesInText } from '../../core/mask-phone.js';
import { toCategory, toDomainField } from './register-model.draft.js';
import { attachmentNames } from '../attachments/receive-in-step.js';

export function summaryButtons(kit: ReplyKit) {
  return [kit.button('reg-btn-submit', 'reg:submit'), kit.button('reg-btn-edit', 'reg:edit'), kit.button('reg-btn-cancel', 'reg:cancel')];
}

export function subjectText(kit: ReplyKit, d: RegisterDraft): string {
  if (d.subjectType === 'ca_nhan') {
    return kit.t('reg-subject-person', { name: d.personName ?? '—', position: d.personPosition ? `, ${d.personPosition}` : '', unit: d.subjectUnitName ?? '' });
  }
  return kit.t('reg-subject-collective', { unit: d.subjectUnitName ?? '—' });
}

/** The summary of domain §3.1 with [Gửi] [Sửa] [Hủy]. */
export function summaryMessage(kit: ReplyKit, d: RegisterDraft, lead?: string): OutboundMessage {
  const body = kit.t('reg-summary', {
    title: d.title ?? '—',
    category: d.category ? kit.t(`reg-category-${d.category}`) : '—',
    subject: subjectText(kit, d),
    field: d.field ? kit.t(`reg-field-${d.field}`) : '—',
    year: d.year,
    start: d.startDate ? showDate(d.startDate) : kit.t('reg-start-unknown'),
    // Replies never show a phone in full, even one the cadre typed (developers' guide).
    summary: maskPhonesInText(shorten(d.summary ?? '—', 160)),
    contact: d.contactName ?? '—',
    phone: d.contactPhone ?? '—',
  });
  const location = d.location ? `\n${kit.t('reg-summary-location', { location: maskPhonesInText(d.location) })}` : '';
  const files = d.attachments ?? [];
  const attached = files.length > 0 ? `\n${kit.t('att-summary-line', { count: files.length, names: attachmentNames(files) })}` : '';
  return { text: `${lead ? `${lead}\n` : ''}${body}${location}${attached}`, buttons: summaryButtons(kit) };
}

/** Which attributes "sửa X thành Y" may change on the summary, and the step that asks them. */
const ATTRIBUTE_STEP: Record<string, RegisterStep> = {
  title: 'title', category: 'category', subject_type: 'subject', field: 'field', start_date: 'start', summary: 'summary',
  contact: 'contact', phone: 'contact', unit: 'subject_unit',
};

export type EditOutcome =
  | { kind: 'changed'; draft: RegisterDraft; lastEdit: NonNullable<RegisterData['lastEdit']>; line: string }
  | { kind: 'ask'; step: RegisterStep }
  | { kind: 'invalid'; key: string }
  | { kind: 'none' };

function describe(kit: ReplyKit, key: keyof RegisterDraft, d: RegisterDraft): string {
  switch (key) {
    case 'field':
      return d.field ? kit.t(`reg-field-${d.field}`) : '—';
    case 'category':
      return d.category ? kit.t(`reg-category-${d.category}`) : '—';
    case 'startDate':
      return d.startDate ? showDate(d.startDate) : kit.t('reg-start-unknown');
    default:
      return String(d[key] ?? '—');
  }
}

const DRAFT_KEY: Record<string, keyof RegisterDraft> = { title: 'title', category: 'category', field: 'field', start_date: 'startDate', summary: 'summary' };

/** "sửa lĩnh vực thành an ninh" edits exactly one field and remembers the old value. */
export function applyEdit(kit: ReplyKit, d: RegisterDraft, u: Understanding, text: string, now: Date): EditOutcome {
  const edit = u.slots.edit as { attribute: string; value: string } | undefined;
  if (!edit) return { kind: 'none' };
  const key = DRAFT_KEY[edit.attribute];
  if (!key) {
    const step = ATTRIBUTE_STEP[edit.attribute];
    return step ? { kind: 'ask', step } : { kind: 'none' };
  }
  let value: unknown;
  if (key === 'field') value = toDomainField(edit.value) ?? toDomainField(u.slots.field);
  else if (key === 'category') value = toCategory(edit.value) ?? toCategory(u.slots.category);
  else if (key === 'startDate') value = (typeof u.slots.date === 'string' ? u.slots.date : null) ?? parseDayMonth(edit.value || text, now);
  else value = normalizeStoredText(edit.value).replace(/^[«“"„]+|[»”"]+$/gu, '');
  if (value === null || value === undefined || value === '') return { kind: 'ask', step: ATTRIBUTE_STEP[edit.attribute]! };
  if (key === 'title' && ((value as string).length < 10 || (value as string).length > 300)) return { kind: 'invalid', key: 'reg-hint-title-length' };
  if (key === 'summary' && (value as string).length < 30) return { kind: 'invalid', key: 'reg-hint-summary' };
  const next = { ...d, [key]: value } as RegisterDraft;
  if (key === 'startDate') next.startAnswered = true;
  const line = kit.t('reg-edited', { attribute: kit.t(`reg-attr-${key}`), value: describe(kit, key, next) });
  return { kind: 'changed', draft: next, lastEdit: { key, previous: d[key] }, line };
}

/** "thôi để như cũ", "để như cũ", "hoàn tác": undo the last single-field edit. */
export function wantsRevert(text: string): boolean {
  return /\b(nhu cu|hoan tac|de nguyen|de lai nhu truoc|giu nhu cu|doi lai nhu cu|undo)\b/.test(commandText(text));
}

/** "…, gửi đi", "gửi luôn": submit in the same message. */
export function wantsSubmit(text: string): boolean {
  return /\b(gui di|gui luon|gui dang ky|nop di|gui lien|submit)\b|^gui$/.test(foldKeepingPunctuation(text).replace(/[.!,;]+/g, ' ').trim());
}

export function revertEdit(kit: ReplyKit, d: RegisterDraft, lastEdit: RegisterData['lastEdit']): { draft: RegisterDraft; line: string } | null {
  if (!lastEdit) return null;
  const next = { ...d, [lastEdit.key]: lastEdit.previous } as RegisterDraft;
  return { draft: next, line: kit.t('reg-reverted', { attribute: kit.t(`reg-attr-${lastEdit.key}`), value: describe(kit, lastEdit.key, next) }) };
}
