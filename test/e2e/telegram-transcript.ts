import { expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram.fake.js';
import { until } from './channel-e2e-helpers.js';

/** One bot message as a Telegram user sees it: its text and its inline buttons. */
export interface TelegramReply {
  text: string;
  buttons: Array<{ text: string; callback_data: string }>;
}

export interface TelegramTranscriptOptions {
  /** Read at each call: test files create the app and the fake in `beforeAll`. */
  baseUrl: () => string | null;
  fake: () => FakeTelegram;
  /** The webhook's `secret_token`. */
  secret: string;
}

/**
 * Posts updates to the real Telegram webhook and waits for the bot's next message
 * in that chat on the fake API: the two steps every Telegram transcript repeats.
 */
export function telegramTranscript(options: TelegramTranscriptOptions) {
  const messages = (chat: number): TelegramReply[] =>
    options
      .fake()
      .sent('sendMessage')
      .filter((c) => c.body.chat_id === String(chat))
      .map((call) => ({
        text: String(call.body.text),
        buttons: ((call.body.reply_markup as { inline_keyboard?: TelegramReply['buttons'][] } | undefined)?.inline_keyboard ?? []).flat(),
      }));

  async function post(update: Record<string, unknown>, chat: number): Promise<TelegramReply> {
    const before = messages(chat).length;
    const res = await fetch(`${options.baseUrl()}/webhooks/telegram`, {
      method: 'POST',
      body: JSON.stringify(update),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': options.secret },
    });
    expect(res.status).toBe(200);
    return until(() => messages(chat)[before], `Telegram reply in ${chat}`);
  }

  return { messages, post };
}
