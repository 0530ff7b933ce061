import { describe, expect, it } from 'vitest';
import { cleanDeep, cleanText } from '../../../bot/core/clean-text.js';

describe('cleanText', () => {
  it('removes NUL, other C0 controls and DEL, keeps tab, newline and carriage return', () => {
    expect(cleanText('a\u0000b\u0001c\u001fd\u007fe')).toBe('abcde');
    expect(cleanText('dòng 1\r\ndòng\t2')).toBe('dòng 1\r\ndòng\t2');
  });

  it('replaces lone surrogates (either half) with U+FFFD and keeps real pairs', () => {
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('x\udfffy')).toBe('x\ufffdy');
    expect(cleanText('\udfff\ud800')).toBe('\ufffd\ufffd');
    expect(cleanText('ok 😀')).toBe('ok 😀');
  });

  it('returns plain ASCII (keys, ids, tab, newline) as it is, and still cleans DEL and controls', () => {
    expect(cleanText('update_id\tmessage\r\n ~')).toBe('update_id\tmessage\r\n ~');
    expect(cleanText('abc\u007f')).toBe('abc');
    expect(cleanText('abc\u000b')).toBe('abc');
  });

  it('normalises to NFC so "ế" typed two ways compares equal', () => {
    expect(cleanText('e\u0302\u0301')).toBe('ế');
  });
});

describe('cleanDeep', () => {
  it('cleans every string and key of a parsed body without touching other values', () => {
    const input = { 'k\u0000': ['a\u0000', 1, true, null, { deep: 'x\ud800' }], n: 12 };
    expect(cleanDeep(input)).toEqual({ k: ['a', 1, true, null, { deep: 'x\ufffd' }], n: 12 });
    expect(input['k\u0000'][0]).toBe('a\u0000');
  });

  it('returns a clean body itself, and copies only the path to what it cleaned', () => {
    const clean = { update_id: 1, message: { text: 'Chào bạn', entities: [{ type: 'bold' }] } };
    expect(cleanDeep(clean)).toBe(clean);
    const dirty = { a: { keep: [1, 2] }, b: { text: 'x\u0000y', other: { z: 1 } }, c: ['ok', 'n\u0007o'] };
    const cleaned = cleanDeep(dirty);
    expect(cleaned).toEqual({ a: { keep: [1, 2] }, b: { text: 'xy', other: { z: 1 } }, c: ['ok', 'no'] });
    expect(cleaned).not.toBe(dirty);
    expect(cleaned.a).toBe(dirty.a);
    expect(cleaned.b.other).toBe(dirty.b.other);
    expect(dirty.b.text).toBe('x\u0000y');
    expect(dirty.c[1]).toBe('n\u0007o');
  });

  it('drops what is nested deeper than any platform sends instead of overflowing the stack', () => {
    let nested: unknown = 'leaf\u0000';
    for (let i = 0; i < 5_000; i += 1) nested = [nested];
    expect(JSON.stringify(cleanDeep(nested))).not.toContain('leaf');
  });
});
