import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export type Locale = 'vi' | 'en';
export const SUPPORTED_LOCALES: readonly Locale[] = ['vi', 'en'];
export type TranslateArgs = Record<string, FluentVariable>;

/** Turns a message key into text in the user's language. */
export interface Translator {
  t(locale: string, key: string, args?: TranslateArgs): string;
  has(key: string, locale?: string): boolean;
}

export interface TranslatorOptions {
  /** Folder holding one sub-folder of `.ftl` files per locale (default: `<repo>/locales`). */
  localesDir: string;
  /** Used when a key is missing in the requested locale (default `vi`). */
  fallbackLocale?: Locale;
}

export class MissingLocalesError extends Error {
  override readonly name = 'MissingLocalesError';
}

/**
 * Loads every `locales/<locale>/*.ftl` once. Vietnamese is the reference: a key
 * missing in English falls back to Vietnamese, never to a raw key in front of a user
 * (the raw key is returned only when no locale has it, so tests catch it).
 */
export function createTranslator(options: TranslatorOptions): Translator {
  const fallback = options.fallbackLocale ?? 'vi';
  const bundles = new Map<string, FluentBundle>();
  for (const locale of SUPPORTED_LOCALES) {
    const dir = path.join(options.localesDir, locale);
    if (!existsSync(dir)) continue;
    // useIsolating: false — Unicode isolation marks show up as junk on Zalo.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ftl')).sort()) {
      const resource = new FluentResource(readFileSync(path.join(dir, file), 'utf8'));
      const errors = bundle.addResource(resource);
      if (errors.length > 0) {
        throw new MissingLocalesError(`${locale}/${file}: ${errors.map((e) => e.message).join('; ')} — fix the Fluent syntax.`);
      }
    }
    bundles.set(locale, bundle);
  }
  if (!bundles.has(fallback)) {
    throw new MissingLocalesError(`No .ftl files for the fallback locale "${fallback}" under ${options.localesDir}.`);
  }

  function format(bundle: FluentBundle, key: string, args?: TranslateArgs): string | undefined {
    const message = bundle.getMessage(key);
    if (!message?.value) return undefined;
    return bundle.formatPattern(message.value, args && yearsAsLabels(args)).normalize('NFC');
  }

  return {
    t(locale, key, args) {
      const bundle = bundles.get(locale) ?? bundles.get(fallback)!;
      return format(bundle, key, args) ?? format(bundles.get(fallback)!, key, args) ?? key;
    },
    has(key, locale = fallback) {
      return bundles.get(locale)?.hasMessage(key) ?? false;
    },
  };
}

/**
 * Fluent formats numbers with the locale's grouping ("2.026" in Vietnamese), which
 * is right for counts and wrong for years: a year is a label. Any argument named
 * `year`, `…Year` or `current` (the current year) is passed as text.
 */
function yearsAsLabels(args: TranslateArgs): TranslateArgs {
  let copy: TranslateArgs | null = null;
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'number' && (/year$/i.test(name) || name === 'current')) {
      copy ??= { ...args };
      copy[name] = String(value);
    }
  }
  return copy ?? args;
}

export function normalizeLocale(value: string | undefined, fallback: Locale = 'vi'): Locale {
  const short = value?.toLowerCase().slice(0, 2);
  return short === 'en' || short === 'vi' ? short : fallback;
}
