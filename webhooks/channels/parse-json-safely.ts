/**
 * `JSON.parse` for platform bodies whose integer ids may exceed 2^53 (Zalo OA
 * user ids have 18–19 digits). Integer literals longer than 15 digits outside
 * strings are turned into JSON strings before parsing, so `1234567890123456789`
 * arrives as `"1234567890123456789"` instead of a rounded double.
 * Throws `SyntaxError` like `JSON.parse` on malformed input.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}

const MAX_SAFE_DIGITS = 15;

export function quoteBigIntegers(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  let segmentStart = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i += 2;
      else {
        if (ch === 0x22 /* " */) inString = false;
        i += 1;
      }
      continue;
    }
    if (ch === 0x22) {
      inString = true;
      i += 1;
      continue;
    }
    const isDigit = ch >= 0x30 && ch <= 0x39;
    if (isDigit || ch === 0x2d /* - */) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j]!)) j += 1;
      const token = text.slice(i, j);
      const digits = token.replace(/^-/, '');
      if (/^\d+$/.test(digits) && digits.length > MAX_SAFE_DIGITS) {
        out += text.slice(segmentStart, i) + `"${token}"`;
        segmentStart = j;
      }
      i = j;
      continue;
    }
    i += 1;
  }
  return out + text.slice(segmentStart);
}
