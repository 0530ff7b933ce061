import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../bot/i18n/detect-language.js';
import { chooseReplyLocale } from '../../../bot/i18n/reply-locale.js';

describe('detectLanguage', () => {
  it.each([
    ['Xin chào', 'vi'],
    ['thu 7 nay p cua nam co ngay hoi ko', 'vi'],
    ['cho minh hoi lich ngay hoi', 'vi'],
    ['when is the next festival in Cua Nam ward?', 'en'],
    ['hello', 'en'],
    ['English please', 'en'],
  ])('"%s" → %s', (text, locale) => {
    expect(detectLanguage(text)).toBe(locale);
  });

  it.each(['2', 'ok', '/start', 'DVK-2026-CN-001', ''])('cannot tell for "%s"', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });

  it('needs two words where a language is already known', () => {
    expect(detectLanguage('stop', { minWords: 2 })).toBeNull();
    expect(detectLanguage('tiếng', { minWords: 2 })).toBe('vi');
  });
});

describe('chooseReplyLocale', () => {
  const base = { chosen: null, previous: null, languageCode: undefined, defaultLocale: 'vi' as const };
  it('the explicit choice wins over the message and the app language', () => {
    expect(chooseReplyLocale({ ...base, chosen: 'en', text: 'xin chào', languageCode: 'vi' })).toBe('en');
  });
  it('then the language of the message, over language_code=en', () => {
    expect(chooseReplyLocale({ ...base, text: 'xin chao ban', languageCode: 'en' })).toBe('vi');
  });
  it('then the conversation so far, then language_code, then the default', () => {
    expect(chooseReplyLocale({ ...base, text: '2', previous: 'en', languageCode: 'vi' })).toBe('en');
    expect(chooseReplyLocale({ ...base, text: '2', languageCode: 'en-GB' })).toBe('en');
    expect(chooseReplyLocale({ ...base, text: undefined })).toBe('vi');
  });
  it('one English word does not switch a Vietnamese conversation', () => {
    expect(chooseReplyLocale({ ...base, text: 'stop', previous: 'vi' })).toBe('vi');
  });
});
