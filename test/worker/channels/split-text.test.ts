import { describe, expect, it } from 'vitest';
import { splitText } from '../../../worker/channels/split-text.js';

describe('splitText', () => {
  it('returns short text unchanged', () => {
    expect(splitText('Xin chào', 2000)).toEqual(['Xin chào']);
    expect(splitText('   ', 2000)).toEqual([]);
  });

  it('prefers paragraph, then line, then sentence boundaries', () => {
    const para = `${'a'.repeat(60)}\n\n${'b'.repeat(60)}`;
    expect(splitText(para, 100)).toEqual(['a'.repeat(60), 'b'.repeat(60)]);
    const sentences = `${'Câu một dài. '.repeat(8)}Câu cuối.`;
    const parts = splitText(sentences, 50);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(50);
      expect(p.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(sentences.trim());
  });

  it('respects the limit for every part and never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(3000);
    const parts = splitText(emoji, 4096);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join('')).toBe(emoji);
    expect(parts.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it('splits a long Vietnamese message under Zalo and Telegram limits', () => {
    const text = Array.from({ length: 300 }, (_, i) => `Dòng ${i}: người dân được hướng dẫn làm thủ tục.`).join('\n');
    for (const limit of [2000, 4096]) {
      const parts = splitText(text, limit);
      expect(parts.every((p) => p.length <= limit)).toBe(true);
      expect(parts.join('\n')).toBe(text);
    }
  });

  it('refuses a nonsensical limit', () => {
    expect(() => splitText('x', 1)).toThrow(/limit/);
  });
});
