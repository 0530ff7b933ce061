/**
 * A model title typed in quotes — « », “ ”, „ “, or straight "…" — kept exactly as typed (marks are only ever
 * suggested, never added here). The movement's own name in quotes ("Dân vận khéo") is not a title.
 */
import { fold } from '../fold.js';
import type { Normalized } from '../normalize.js';
import { NOT_BEFORE_QUAN } from './place.slot.js';
import { spanText } from './span-text.js';

const QUOTED = /«([^»]+)»|“([^”]+)”|„([^“”]+)[“”]|"([^"]+)"/g;

export interface TitleSpan {
  title: string;
  start: number;
  end: number;
}

export function extractTitle(raw: string): TitleSpan | undefined {
  for (const m of raw.matchAll(QUOTED)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').replace(/\s+/g, ' ').trim();
    if (inner.length < 2 || /^dan van kheo$/.test(fold(inner))) continue;
    const start = m.index ?? 0;
    return { title: inner, start, end: start + m[0].length };
  }
  return undefined;
}

const CATEGORY_WORDS: readonly string[][] = [['mo', 'hinh'], ['giai', 'phap'], ['cong', 'trinh'], ['dien', 'hinh']];
/** Words that end an unquoted title: who it is for, where, politeness, the rest of the sentence. */
const TITLE_STOP = new Set(
  ('cho cua o tai thi voi nhe nha a ad admin ah duoc khong giup de va ma moi nay do em minh toi la nao gi ben bon ' +
    'chung tui sang thanh vao len di roi chua da dang can phai muon vay oi nhu hay phuong quan trong ve ' +
    'nam thang den truoc sau luon tien hoi xin vua con nua linh')
    .split(' '),
);
const BREAK = /[,;?!.:]/;

/**
 * An unquoted title after the category word: "đăng ký mô hình tổ tự quản pccc khu tập thể cho chi hội" →
 * "tổ tự quản pccc khu tập thể". Two words at least, up to the first stop word or punctuation; the movement's
 * own name is not a title.
 */
export function inferTitle(norm: Normalized): TitleSpan | undefined {
  const words = norm.words;
  for (let i = 0; i < words.length; i++) {
    const cat = CATEGORY_WORDS.find((c) => c.every((w, k) => words[i + k]?.w === w));
    if (!cat) continue;
    const first = i + cat.length;
    let last = first - 1;
    for (let j = first; j < words.length && j < first + 12; j++) {
      const w = words[j]!;
      const verb = w.w === 'quan' && NOT_BEFORE_QUAN.has(words[j - 1]?.w ?? ''); // "tự quản", not "quận"
      const expanded = j > first && words[j - 1]!.start === w.start; // "pccc" → "phong chay chua chay"
      if ((TITLE_STOP.has(w.w) && !verb && !expanded) || /^\d/.test(w.w) || w.w.startsWith('dvk-')) break;
      if (j > first && BREAK.test(norm.raw.slice(words[j - 1]!.end, w.start))) break;
      last = j;
    }
    if (last - first + 1 < 2) continue;
    const folded = words.slice(first, last + 1).map((w) => w.w).join(' ');
    // The movement's name and the subject type ("mô hình tập thể") are not titles.
    if (/^(dan van|tap the|ca nhan)\b/.test(folded)) continue;
    const title = spanText(norm.raw, words, first, last);
    if (title) return { title, start: words[first]!.start, end: words[last]!.end };
  }
  return undefined;
}
