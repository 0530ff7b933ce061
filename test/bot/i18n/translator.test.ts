import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { LOCALES_DIR } from '../../../runtime/start-application.js';

function keys(locale: string): Set<string> {
  const dir = path.join(LOCALES_DIR, locale);
  const result = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ftl'))) {
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)) result.add(match[1]!);
  }
  return result;
}

describe('translator', () => {
  const translator = createTranslator({ localesDir: LOCALES_DIR });

  it('formats Vietnamese by default without isolation marks, in NFC', () => {
    const text = translator.t('vi', 'menu-chosen', { label: 'Lịch' });
    expect(text).toBe('Bạn đã chọn: Lịch.');
    expect(text).not.toMatch(/[\u2068\u2069]/);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('has every Vietnamese key in English and no English-only key', () => {
    const vi = keys('vi');
    const en = keys('en');
    expect([...vi].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !vi.has(key))).toEqual([]);
  });

  it('falls back to Vietnamese for an unknown locale', () => {
    expect(translator.t('fr', 'menu-events')).toBe(translator.t('vi', 'menu-events'));
  });
});

describe('numbers in messages', () => {
  const translator = createTranslator({ localesDir: LOCALES_DIR });
  it('never groups a year ("2026", not "2.026") but still groups counts', () => {
    expect(translator.t('vi', 'status-not-recognized-detail', { year: 2026 })).toBe('Chưa được công nhận năm 2026');
    expect(translator.t('vi', 'err-year-not-allowed', { year: 2024, current: 2026 })).toContain('Năm 2024');
    expect(translator.t('vi', 'err-year-not-allowed', { year: 2024, current: 2026 })).toContain('năm 2026');
    expect(translator.t('vi', 'status-list-head', { count: 1240, year: 2026 })).toContain('1.240 hồ sơ năm 2026');
  });
});
