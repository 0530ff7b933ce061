import type { Translator, TranslateArgs } from '../i18n/translator.js';
import type { OutboundButton, OutboundMessage } from '../core/outbound-message.js';

/** Builds replies in the user's language from locale keys; features never hold prose. */
export interface ReplyKit {
  t(key: string, args?: TranslateArgs): string;
  message(key: string, args?: TranslateArgs, buttons?: OutboundButton[]): OutboundMessage;
  button(labelKey: string, value: string, args?: TranslateArgs): OutboundButton;
}

export function createReplyKit(translator: Translator, locale: string): ReplyKit {
  const t = (key: string, args?: TranslateArgs) => translator.t(locale, key, args);
  return {
    t,
    message: (key, args, buttons) => (buttons && buttons.length > 0 ? { text: t(key, args), buttons } : { text: t(key, args) }),
    button: (labelKey, value, args) => ({ label: t(labelKey, args), value }),
  };
}
