import { foldMarks } from '../../../core/fold.js';

export const BODY_MAX = 2_000;

export type BodyProblem = { problem: 'empty' } | { problem: 'too-long'; length: number } | { problem: 'phone'; masked: string } | { problem: 'cccd' };

/** 0912 345 678 / +84 912.345.678 / 84912345678 — mobile and landline shapes. */
const PHONE = /(?:\+?84|0)(?:[\s.-]?\d){8,10}/g;
/** Căn cước: exactly 12 digits, alone (not part of a longer number). */
const CCCD = /(?<!\d)\d{12}(?!\d)/;

const digits = (s: string) => s.replace(/\D/g, '');
/** 84… and 0… name the same number. */
const local = (d: string) => (d.startsWith('84') ? `0${d.slice(2)}` : d);

/**
 * Domain §3.4 guards on an announcement body: 1–2,000 characters, no personal phone
 * numbers (the office's published hotline passes), no 12-digit CCCD numbers.
 * Returns the first problem, with what the reply needs to explain it.
 */
export function checkBody(body: string, hotlines: readonly string[]): BodyProblem | null {
  const text = body.normalize('NFC').trim();
  if (text.length === 0) return { problem: 'empty' };
  if (text.length > BODY_MAX) return { problem: 'too-long', length: text.length };
  if (CCCD.test(text)) return { problem: 'cccd' };
  const allowed = new Set(hotlines.map((h) => local(digits(h))));
  for (const match of text.matchAll(PHONE)) {
    const number = local(digits(match[0]));
    if (number.length < 10 || allowed.has(number)) continue;
    return { problem: 'phone', masked: `${number.slice(0, 4)}xxx${number.slice(-3)}` };
  }
  return null;
}

/** Whether text carries no Vietnamese marks at all (then a restored version is offered). */
export function lacksDiacritics(text: string): boolean {
  return /[a-z]{3,}/i.test(text) && foldMarks(text).toLowerCase() === text.normalize('NFC').toLowerCase();
}
