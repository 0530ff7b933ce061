import type { ExportContext } from './export-context.js';

/**
 * A code in words from the locales (`<prefix>-<code>`, underscores kept as the
 * existing keys do, or turned into dashes for status keys). An unknown code is
 * shown as itself rather than dropped.
 */
export function wordFor(ctx: ExportContext, prefix: string, code: string | null): string | null {
  if (!code) return null;
  for (const key of [`${prefix}-${code}`, `${prefix}-${code.replace(/_/g, '-')}`]) {
    const text = ctx.t(key);
    if (text !== key) return text;
  }
  return code;
}

export function yesNo(ctx: ExportContext, value: boolean): string {
  return ctx.t(value ? 'export-yes' : 'export-no');
}
