import type { OutboundMessage } from '../../bot/core/outbound-message.js';
import { inlineKeyboard, TELEGRAM_TEXT_LIMIT } from '../../worker/channels/telegram-keyboard.js';
import { renderZaloBotText, ZALO_BOT_TEXT_LIMIT } from '../../worker/channels/zalo-bot.adapter.js';
import { renderZaloOaParts } from '../../worker/channels/zalo-oa.adapter.js';
import { splitText } from '../../worker/channels/split-text.js';

/** How the console shows a reply: as itself, or as one platform would deliver it. */
export const CONSOLE_FLAVOURS = ['console', 'telegram', 'zalo-oa', 'zalo-bot'] as const;
export type ConsoleFlavour = (typeof CONSOLE_FLAVOURS)[number];

/** A tap in the console: what the platform would send back (a callback value, or text). */
export type FlavourAction = { button: string } | { text: string };

export interface FlavourPart {
  text: string;
  buttons: Array<{ label: string; action: FlavourAction }>;
}

/**
 * Renders a reply through the channel's own render step (the same pure functions
 * the adapters send with), so the console shows what a Telegram, Zalo OA or Zalo
 * Bot user would see: inline keyboard, OA buttons (≤ 5, else numbered), numbered
 * options and no buttons at all, split at each platform's text limit.
 */
export function renderForFlavour(flavour: ConsoleFlavour, message: OutboundMessage): FlavourPart[] {
  const buttons = message.buttons ?? [];
  switch (flavour) {
    case 'console':
      return [{ text: message.text, buttons: buttons.map((b) => ({ label: b.label, action: { button: b.value } })) }];
    case 'telegram': {
      const parts = splitText(message.text, TELEGRAM_TEXT_LIMIT);
      if (parts.length === 0) parts.push('…');
      // A `#n` callback (value too long for Telegram) comes back as the label, as the parser does.
      const keyboard = inlineKeyboard(buttons).map(([key], i): FlavourPart['buttons'][number] => {
        const data = key && 'callback_data' in key ? key.callback_data : '';
        return { label: key?.text ?? '', action: data.startsWith('#') ? { text: buttons[i]!.label } : { button: data } };
      });
      return parts.map((text, i) => ({ text, buttons: i === parts.length - 1 ? keyboard : [] }));
    }
    case 'zalo-oa':
      // oa.query.show sends its payload back as a user message.
      return renderZaloOaParts(message).map((part) => ({
        text: part.text,
        buttons: (part.buttons ?? []).map((b) => ({ label: b.title, action: { text: b.payload } })),
      }));
    case 'zalo-bot':
      return splitText(renderZaloBotText(message), ZALO_BOT_TEXT_LIMIT).map((text) => ({ text, buttons: [] }));
  }
}
