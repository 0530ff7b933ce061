/**
 * A model title typed in quotes — « », “ ”, „ “, or straight "…" — kept exactly as typed (marks are only ever
 * suggested, never added here). The movement's own name in quotes ("Dân vận khéo") is not a title.
 */
import { fold } from '../fold.js';

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
