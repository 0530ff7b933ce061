import type { InlineKeyboardButton } from 'grammy/types';
import type { OutboundButton } from '../../bot/core/outbound-message.js';

/**
 * How a message looks on Telegram, without grammY's runtime: the console's Telegram
 * flavour (webhooks role) shows it, and the webhooks role must not load grammY
 * (worker/channels/lazy-sender.ts).
 */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CALLBACK_DATA_MAX_BYTES = 64;

/**
 * One button per row (Vietnamese labels are long). `callback_data` is the
 * button's value when it fits in 64 bytes; otherwise `#<n>` (1-based), and the
 * parser returns the pressed label as text so the runner can still match it.
 */
export function inlineKeyboard(buttons: OutboundButton[]): InlineKeyboardButton[][] {
  return buttons.map((button, i) => [
    {
      text: button.label,
      callback_data:
        Buffer.byteLength(button.value, 'utf8') <= TELEGRAM_CALLBACK_DATA_MAX_BYTES && button.value.length > 0
          ? button.value
          : `#${i + 1}`,
    },
  ]);
}
