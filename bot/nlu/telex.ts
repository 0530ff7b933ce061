/**
 * Unconverted Telex / VNI input: the keyboard was in the wrong mode, so "được" arrives as "dduwowcj" or
 * "d9u7o7c5". We rebuild the syllable and accept it only when the result is a real syllable.
 */
import { applyTone, isTonedSyllable, type Tone } from './syllables.js';

const TELEX_TONES: Record<string, Tone> = { s: 1, f: 2, r: 3, x: 4, j: 5, z: 0 };
const VOWEL = /[aăâeêioôơuưy]/;

/** "ddawngf" → "đằng"; null when the token does not read as Telex. */
export function fromTelex(token: string): string | null {
  if (!/^[a-z]+$/.test(token) || token.length < 2) return null;
  let tone: Tone | undefined;
  let out = '';
  let seenVowel = false;
  for (let i = 0; i < token.length; i++) {
    const c = token[i] ?? '';
    const prev = out[out.length - 1] ?? '';
    if (c === 'd' && prev === 'd' && out.length === 1) {
      out = 'đ';
      continue;
    }
    if (seenVowel && c in TELEX_TONES) {
      // A second tone key (e.g. "ss") would mean a literal letter: not Telex.
      if (tone !== undefined) return null;
      tone = TELEX_TONES[c];
      continue;
    }
    if (c === 'w') {
      const mod = hornOrBreve(out);
      if (mod === null) return null;
      out = mod;
      seenVowel = true;
      continue;
    }
    if ((c === 'a' || c === 'e' || c === 'o') && prev === c) {
      out = out.slice(0, -1) + ({ a: 'â', e: 'ê', o: 'ô' } as const)[c];
      continue;
    }
    out += c;
    if (VOWEL.test(c)) seenVowel = true;
  }
  if (out === token) return null;
  const result = applyTone(out, tone ?? 0);
  return isTonedSyllable(result) ? result : null;
}

/** "w" after a vowel: a→ă, o→ơ, u→ư, "uo"→"ươ"; a bare "w" is ư. */
function hornOrBreve(out: string): string | null {
  const m = /(uo|ươ|uô|[aouư])([^aăâeêioôơuưy]*)$/.exec(out);
  if (!m || m.index === undefined) {
    return out + 'ư';
  }
  const [, vowels = '', tail = ''] = m;
  if (tail.length > 0) return null;
  const head = out.slice(0, m.index);
  const map: Record<string, string> = { uo: 'ươ', uô: 'ươ', ươ: 'ươ', a: 'ă', o: 'ơ', u: 'ư', ư: 'ư' };
  return head + (map[vowels] ?? vowels);
}

const VNI_TONES: Record<string, Tone> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '0': 0 };

/** "d9a8ng" → "đăng", "ky1" → "ký"; null when it does not read as VNI (e.g. "p25", "t7", "9h"). */
export function fromVni(token: string): string | null {
  if (!/^[a-z][a-z0-9]*$/.test(token) || !/[a-z]\d/.test(token) || !/^[a-z]/.test(token)) return null;
  let tone: Tone | undefined;
  let out = '';
  for (const c of token) {
    if (c >= 'a' && c <= 'z') {
      out += c;
      continue;
    }
    const prev = out[out.length - 1] ?? '';
    if (c === '9') {
      if (prev !== 'd') return null;
      out = out.slice(0, -1) + 'đ';
    } else if (c === '6') {
      const hat = ({ a: 'â', e: 'ê', o: 'ô' } as Record<string, string>)[lastVowel(out)];
      if (!hat) return null;
      out = replaceLastVowel(out, hat);
    } else if (c === '7') {
      if (/uo$|uo[a-z]$/.test(out) || /uo/.test(out.slice(-3))) out = out.replace(/uo(?=[a-z]*$)/, 'ươ');
      else {
        const horn = ({ o: 'ơ', u: 'ư' } as Record<string, string>)[lastVowel(out)];
        if (!horn) return null;
        out = replaceLastVowel(out, horn);
      }
    } else if (c === '8') {
      if (lastVowel(out) !== 'a') return null;
      out = replaceLastVowel(out, 'ă');
    } else if (c in VNI_TONES) {
      if (!VOWEL.test(out)) return null;
      tone = VNI_TONES[c];
    } else return null;
  }
  const result = applyTone(out, tone ?? 0);
  return isTonedSyllable(result) ? result : null;
}

function lastVowel(s: string): string {
  const m = /([aăâeêioôơuưy])[^aăâeêioôơuưy]*$/.exec(s);
  return m?.[1] ?? '';
}

function replaceLastVowel(s: string, v: string): string {
  return s.replace(/[aăâeêioôơuưy](?=[^aăâeêioôơuưy]*$)/, v);
}
