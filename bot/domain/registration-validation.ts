import { foldText, normalizeStoredText } from '../core/fold.js';
import { CATEGORIES, FIELDS, SUBJECT_TYPES } from './registration-status.js';
import type { RegistrationState } from './registration-state.js';

/** One problem with a registration, named by field and a message key in domain.ftl. */
export interface FieldIssue {
  field: 'title' | 'category' | 'subjectType' | 'field' | 'summary' | 'personName' | 'location' | 'endDate';
  messageKey: string;
}

/**
 * Titles that are only a category word are not titles (domain §2.3). Compared folded,
 * with quotes and the movement's name stripped.
 */
const CATEGORY_ONLY_TITLES = new Set([
  'mo hinh',
  'mo hinh dan van kheo',
  'dien hinh',
  'dien hinh dan van kheo',
  'giai phap',
  'cong trinh',
  'cong trinh dan van kheo',
  'dan van kheo',
  'guong dan van kheo',
]);

const PERSON_NAME = /^[\p{L} ]{2,80}$/u;

/** Required-at-submit checks of domain §2.1/§2.3 (T3 and T8 re-validate). */
export function validateForSubmit(
  r: Pick<RegistrationState, 'title' | 'category' | 'subjectType' | 'field' | 'summary' | 'personName' | 'location' | 'startDate' | 'endDate'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const title = r.title === null ? '' : normalizeStoredText(r.title);
  if (title.length < 10 || title.length > 300) issues.push({ field: 'title', messageKey: 'invalid-title-length' });
  else if (CATEGORY_ONLY_TITLES.has(foldText(title))) issues.push({ field: 'title', messageKey: 'invalid-title-category-only' });
  if (r.category === null || !CATEGORIES.includes(r.category)) issues.push({ field: 'category', messageKey: 'invalid-category' });
  if (r.subjectType === null || !SUBJECT_TYPES.includes(r.subjectType)) {
    issues.push({ field: 'subjectType', messageKey: 'invalid-subject-type' });
  }
  if (r.field === null || !FIELDS.includes(r.field)) issues.push({ field: 'field', messageKey: 'invalid-field' });
  if (r.summary === null || normalizeStoredText(r.summary).length < 30) issues.push({ field: 'summary', messageKey: 'invalid-summary-length' });
  if (r.subjectType === 'ca_nhan' && (r.personName === null || !PERSON_NAME.test(normalizeStoredText(r.personName)))) {
    issues.push({ field: 'personName', messageKey: 'invalid-person-name' });
  }
  if (r.category === 'cong_trinh' && (r.location === null || normalizeStoredText(r.location) === '')) {
    issues.push({ field: 'location', messageKey: 'invalid-location-required' });
  }
  if (r.startDate !== null && r.endDate !== null && r.endDate < r.startDate) issues.push({ field: 'endDate', messageKey: 'invalid-end-before-start' });
  return issues;
}
