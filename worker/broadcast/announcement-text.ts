import type { Translator } from '../../bot/i18n/translator.js';

/**
 * What a recipient reads: the body as approved, and for residents the way to stop
 * (issue 11 item 7: every announcement to a resident ends with "hủy nhận tin").
 */
export function announcementText(translator: Translator, body: string, locale: string, toResident: boolean): string {
  if (!toResident) return body.normalize('NFC');
  return `${body}\n\n${translator.t(locale, 'broadcast-footer-stop')}`.normalize('NFC');
}
