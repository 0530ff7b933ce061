/**
 * Makes any string safe for every store we write to. PostgreSQL rejects NUL in
 * text and jsonb (SQLSTATE 22P05 / 22021) and lone UTF-16 surrogates cannot be
 * encoded as UTF-8 at all, so one such byte from a platform would otherwise fail
 * the whole update (503 → endless redelivery) or every retry of its turn.
 *
 * - lone surrogates → U+FFFD (invalid UTF-8 already decodes to U+FFFD);
 * - C0 controls and DEL removed, except tab, newline and carriage return;
 * - NFC, so "ế" typed two ways compares equal.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Printable ASCII, tab, newline, CR: no control to remove, no surrogate, already NFC — most keys and ids. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7E]*$/;

export function cleanText(text: string): string {
  // One test instead of two replaces and a normalisation: it runs on every key and
  // string of every webhook body and event (per request, on the ingress hot path).
  if (PLAIN_ASCII.test(text)) return text;
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(UNSAFE_CONTROLS, '').normalize('NFC');
}

/** Whether `cleanText` would change `text` (for logging what was repaired). */
export function needsCleaning(text: string): boolean {
  return cleanText(text) !== text;
}

/**
 * Cleans every string (and object key) in a parsed JSON value; other values are
 * kept as they are. Never mutates the input. A part that needs no cleaning is
 * returned as it is (the same object), so a clean webhook body — nearly all of
 * them — costs no copy: one copy per request was garbage the ingress paid for in
 * collections.
 */
export function cleanDeep<T>(value: T): T {
  return walk(value, 0) as T;
}

/** No platform nests this deep; deeper parts become null rather than overflow the stack. */
const MAX_DEPTH = 100;

function walk(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const cleaned = walk(item, depth + 1);
      if (copy) copy.push(cleaned);
      else if (cleaned !== item) copy = [...value.slice(0, i), cleaned];
    }
    return copy ?? value;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let copy: Record<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const cleanKey = cleanText(key);
    const item = source[key];
    const cleaned = walk(item, depth + 1);
    if (!copy && (cleanKey !== key || cleaned !== item)) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]!] = source[keys[j]!];
    }
    if (copy) copy[cleanKey] = cleaned;
  }
  return copy ?? value;
}
