import { z } from 'zod';
import { inboundEventSchema, namespacedUserId, type InboundEvent, type InboundKind } from '../../bot/core/inbound-event.js';
import { isoFromMs, nfc, truncate, type ParseResult } from './parse-result.js';

/**
 * Only the fields we read are declared; zod's default `strip` lets the rest of
 * Telegram's (large, growing) Update type through without failing validation.
 */
const tgId = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform(String);
const userSchema = z.object({
  id: tgId,
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  language_code: z.string().optional(),
});
const chatSchema = z.object({ id: tgId, type: z.string().optional() });
const inlineButtonSchema = z.object({ text: z.string(), callback_data: z.string().optional() });
const messageSchema = z.object({
  message_id: z.number().int(),
  date: z.number(),
  chat: chatSchema,
  from: userSchema.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(z.object({ file_id: z.string() })).optional(),
  sticker: z.object({ file_id: z.string(), emoji: z.string().optional() }).optional(),
  voice: z.object({ file_id: z.string() }).optional(),
  audio: z.object({ file_id: z.string() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  reply_markup: z.object({ inline_keyboard: z.array(z.array(inlineButtonSchema)) }).optional(),
});
const callbackQuerySchema = z.object({
  id: z.string(),
  from: userSchema,
  data: z.string().optional(),
  message: messageSchema.partial({ date: true, message_id: true }).optional(),
});
const chatMemberUpdatedSchema = z.object({
  chat: chatSchema,
  from: userSchema,
  date: z.number(),
  new_chat_member: z.object({ status: z.string() }),
});
export const telegramUpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  edited_message: messageSchema.optional(),
  callback_query: callbackQuerySchema.optional(),
  my_chat_member: chatMemberUpdatedSchema.optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
type TgUser = z.infer<typeof userSchema>;
type TgMessage = z.infer<typeof messageSchema>;

function displayName(user: TgUser | undefined): string | undefined {
  if (!user) return undefined;
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name ? truncate(nfc(name), 200) : undefined;
}

function messageKind(message: TgMessage): { kind: InboundKind; text?: string; payload?: string } {
  if (message.text !== undefined) return { kind: 'text', text: message.text };
  if (message.photo) return { kind: 'image', text: message.caption, payload: message.photo.at(-1)?.file_id };
  if (message.sticker) return { kind: 'sticker', text: message.sticker.emoji, payload: message.sticker.file_id };
  if (message.voice || message.audio) return { kind: 'voice', payload: (message.voice ?? message.audio)?.file_id };
  if (message.location) return { kind: 'location', payload: `${message.location.latitude},${message.location.longitude}` };
  return { kind: 'unsupported', text: message.caption };
}

/** The label of the pressed button, read back from the keyboard the callback came from. */
function pressedLabel(markup: TgMessage['reply_markup'] | undefined, data: string | undefined): string | undefined {
  if (!markup || data === undefined) return undefined;
  for (const row of markup.inline_keyboard) {
    for (const button of row) if (button.callback_data === data) return button.text;
  }
  return undefined;
}

/** Telegram Update → InboundEvent. `now` stamps events that carry no date (callback queries). */
export function parseTelegramUpdate(body: unknown, now: Date): ParseResult {
  const parsed = telegramUpdateSchema.safeParse(body);
  if (!parsed.success) return { outcome: 'invalid', reason: `not a Telegram update: ${z.prettifyError(parsed.error)}` };
  const update = parsed.data;
  const base = { channel: 'telegram' as const, eventId: String(update.update_id) };

  let draft: Omit<InboundEvent, 'channel' | 'eventId'> | undefined;
  if (update.message) {
    const m = update.message;
    const user = m.from;
    if (!user || user.is_bot) return { outcome: 'ignore', reason: 'message without a human sender' };
    const content = messageKind(m);
    draft = {
      userId: namespacedUserId('telegram', user.id),
      chatId: namespacedUserId('telegram', m.chat.id),
      ...content,
      text: truncate(nfc(content.text), 10_000),
      at: isoFromMs(m.date * 1000, now),
      displayName: displayName(user),
      languageCode: user.language_code,
    };
  } else if (update.callback_query) {
    const q = update.callback_query;
    const chatId = q.message?.chat.id ?? q.from.id;
    const label = nfc(pressedLabel(q.message?.reply_markup, q.data));
    // `#<n>` stands in for a value too long for callback_data (telegram.adapter.ts):
    // hand the label over as if typed, and the runner matches it to the option.
    const byLabel = label !== undefined && /^#\d+$/.test(q.data ?? '');
    draft = {
      userId: namespacedUserId('telegram', q.from.id),
      chatId: namespacedUserId('telegram', chatId),
      kind: byLabel ? 'text' : 'button',
      text: label,
      payload: byLabel ? undefined : q.data,
      at: now.toISOString(),
      displayName: displayName(q.from),
      languageCode: q.from.language_code,
    };
  } else if (update.my_chat_member && update.my_chat_member.chat.type === 'private') {
    // In private chats this update is sent only when the user blocks or unblocks the bot.
    const u = update.my_chat_member;
    const status = u.new_chat_member.status;
    draft = {
      userId: namespacedUserId('telegram', u.from.id),
      chatId: namespacedUserId('telegram', u.chat.id),
      kind: status === 'kicked' || status === 'left' ? 'unfollow' : 'follow',
      at: isoFromMs(u.date * 1000, now),
      displayName: displayName(u.from),
    };
  } else if (update.edited_message) {
    return { outcome: 'ignore', reason: 'edited messages are not replayed into the conversation' };
  } else {
    return { outcome: 'ignore', reason: 'update type the bot does not handle and that names no user' };
  }
  const event = inboundEventSchema.safeParse({ ...base, ...draft });
  return event.success
    ? { outcome: 'event', event: event.data }
    : { outcome: 'invalid', reason: z.prettifyError(event.error) };
}

/** The callback query id to answer, if the update is a button press. */
export function telegramCallbackQueryId(body: unknown): string | undefined {
  const parsed = telegramUpdateSchema.safeParse(body);
  return parsed.success ? parsed.data.callback_query?.id : undefined;
}
