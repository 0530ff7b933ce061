/**
 * What a cadre wants changed in a registration: "sửa lĩnh vực thành an ninh" → {attribute: 'field',
 * value: 'quoc_phong_an_ninh'}. Enumerated attributes get their code; free ones keep the user's words.
 */
import type { NormWord } from '../normalize.js';
import { extractCategory, extractSubjectType } from './kinds.slot.js';
import { resolveField } from './field.slot.js';

const ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
  ['linh vuc', 'field'], ['ten mo hinh', 'title'], ['tieu de', 'title'], ['ten', 'title'], ['loai dang ky', 'category'],
  ['loai', 'category'], ['doi tuong', 'subject_type'], ['so dien thoai', 'phone'], ['dien thoai', 'phone'],
  ['nguoi lien he', 'contact'], ['mo ta', 'summary'], ['tom tat', 'summary'], ['noi dung', 'summary'],
  ['ngay bat dau', 'start_date'], ['ngay ket thuc', 'end_date'], ['don vi', 'unit'], ['nam', 'year'],
];
const VERB = /\b(sua|chinh sua|thay doi|doi|cap nhat|chuyen)( lai)?\b/;
const LINK = /^(thanh|sang|la|thanh la|qua|ve)$/;
const TRAILING = /\s+(giup( em| toi| minh)?|nhe|nha|a|voi|di|luon)$/;

export function extractEdit(
  words: readonly NormWord[],
  raw: string,
  quotedTitle: string | undefined,
): { attribute: string; value: string } | undefined {
  const text = words.map((w) => w.w).join(' ');
  const verb = VERB.exec(text);
  if (!verb) return undefined;
  // Index of the first word after the verb.
  const after = text.slice(0, verb.index + verb[0].length).split(' ').length;
  let i = after;
  let attribute: string | undefined;
  for (const [phrase, attr] of ATTRIBUTES) {
    const p = phrase.split(' ');
    if (p.every((w, k) => words[i + k]?.w === w)) {
      attribute = attr;
      i += p.length;
      break;
    }
  }
  while (i < words.length && !LINK.test(words[i]?.w ?? '') && attribute !== undefined) {
    // Skip filler between the attribute and "thành" ("tên mô hình thành…", "lĩnh vực của hồ sơ sang…").
    if (i - after > 6) break;
    i++;
  }
  if (LINK.test(words[i]?.w ?? '')) i++;
  const rest = words.slice(i);
  if (rest.length === 0 && !(attribute === 'title' && quotedTitle)) return undefined;
  const restText = rest.map((w) => w.w).join(' ').replace(TRAILING, '');
  const first = rest[0];
  const last = rest[rest.length - 1];
  const rawValue = first && last ? raw.slice(first.start, last.end).replace(/^[«“"„]+|[»”"]+$/g, '').trim() : '';
  const field = resolveField(restText);
  const category = extractCategory(restText, true);
  const subject = extractSubjectType(restText);
  if (attribute === undefined) {
    if (subject) return { attribute: 'subject_type', value: subject };
    if (field) return { attribute: 'field', value: field };
    return undefined;
  }
  switch (attribute) {
    case 'field':
      return { attribute, value: field ?? rawValue };
    case 'category':
      return { attribute, value: category ?? rawValue };
    case 'subject_type':
      return { attribute, value: subject ?? rawValue };
    case 'title':
      return { attribute, value: quotedTitle ?? rawValue };
    default:
      return rawValue ? { attribute, value: rawValue } : undefined;
  }
}
