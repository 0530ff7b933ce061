import { z } from 'zod';
import {
  inboundEventSchema,
  namespacedUserId,
  type ChatType,
  type InboundAttachment,
  type InboundEvent,
  type InboundKind,
} from '../../bot/core/inbound-event.js';
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
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const chatSchema = z.object({ id: tgId, type: z.string().optional() });
const inlineButtonSchema = z.object({ text: z.string(), callback_data: z.string().optional() });
/** Fields that make a message a service message (members joining, pins, title changes…). */
const SERVICE_FIELDS = [
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'pinned_message',
  'message_auto_delete_timer_changed',
  'video_chat_started',
  'video_chat_ended',
  'forum_topic_created',
] as const;
const entitySchema = z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() });
const messageSchema = z.object({
  message_id: z.number().int(),
  date: z.number(),
  chat: chatSchema,
  from: userSchema.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entitySchema).optional(),
  caption_entities: z.array(entitySchema).optional(),
  photo: z.array(z.object({ file_id: z.string(), file_size: z.number().optional() })).optional(),
  document: z
    .object({ file_id: z.string(), file_name: z.string().optional(), mime_type: z.string().optional(), file_size: z.number().optional() })
    .optional(),
  sticker: z.object({ file_id: z.string(), emoji: z.string().optional() }).optional(),
  voice: z.object({ file_id: z.string() }).optional(),
  audio: z.object({ file_id: z.string() }).optional(),
  video: z.object({ file_id: z.string() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  contact: z.object({ phone_number: z.string().optional() }).optional(),
  poll: z.object({ id: z.string() }).optional(),
  reply_to_message: z.object({ from: userSchema.optional() }).optional(),
  reply_markup: z.object({ inline_keyboard: z.array(z.array(inlineButtonSchema)) }).optional(),
  ...Object.fromEntries(SERVICE_FIELDS.map((key) => [key, z.unknown().optional()])),
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

/**
 * Who "the bot" is, to tell in a group whether a message is for it. The id is the
 * token's prefix (`<id>:<secret>`); the username comes from TELEGRAM_BOT_USERNAME.
 * Without a username, `/cmd@name` is taken as ours and mentions are not recognised.
 */
export interface TelegramBotIdentity {
  id?: string;
  username?: string;
}

/** The bot id is the part of the token before the colon. */
export function telegramBotIdFromToken(token: string): string | undefined {
  return /^(\d+):/.exec(token)?.[1];
}

function displayName(user: TgUser | undefined): string | undefined {
  if (!user) return undefined;
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name ? truncate(nfc(name), 200) : undefined;
}

function chatTypeOf(type: string | undefined): ChatType | 'channel' {
  if (type === 'group' || type === 'supergroup') return 'group';
  return type === 'channel' ? 'channel' : 'direct';
}

interface Content {
  kind: InboundKind;
  text?: string;
  payload?: string;
  attachments?: InboundAttachment[];
}

function messageKind(message: TgMessage): Content | null {
  if (message.text !== undefined) return { kind: 'text', text: message.text };
  if (message.photo) {
    // The largest size is last; its file_id is what getFile downloads.
    const largest = message.photo.at(-1);
    const attachments: InboundAttachment[] = largest ? [{ type: 'image', ref: largest.file_id, mimeType: 'image/jpeg', size: largest.file_size }] : [];
    return { kind: 'image', text: message.caption, payload: largest?.file_id, attachments };
  }
  if (message.document) {
    const d = message.document;
    const attachment: InboundAttachment = { type: 'document', ref: d.file_id, name: truncate(nfc(d.file_name), 300), mimeType: d.mime_type, size: d.file_size };
    return { kind: 'document', text: message.caption, payload: d.file_id, attachments: [attachment] };
  }
  if (message.sticker) return { kind: 'sticker', text: message.sticker.emoji, payload: message.sticker.file_id };
  if (message.voice || message.audio) return { kind: 'voice', payload: (message.voice ?? message.audio)?.file_id };
  if (message.location) return { kind: 'location', payload: `${message.location.latitude},${message.location.longitude}` };
  // The phone number is deliberately not carried: residents are known by platform id only.
  if (message.contact) return { kind: 'contact' };
  const record = message as Record<string, unknown>;
  if (SERVICE_FIELDS.some((key) => record[key] !== undefined)) return null;
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

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\s|$)([\s\S]*)$/;

interface Addressing {
  /** The text with `@ourbot` removed from commands and mentions. */
  text: string | undefined;
  forUs: boolean;
  /** A command explicitly sent to another bot (`/start@otherbot`). */
  forAnotherBot: boolean;
}

/**
 * Commands (`/start@ourbot x` → `/start x`), mentions of the bot and replies to its
 * messages. In a group only these are the bot's business; in a private chat
 * everything is, but `/cmd@otherbot` still is not.
 */
function addressing(message: TgMessage, text: string | undefined, bot: TelegramBotIdentity): Addressing {
  const username = bot.username?.replace(/^@/, '').toLowerCase();
  if (text === undefined) return { text, forUs: isReplyToBot(message, bot, username), forAnotherBot: false };
  const command = COMMAND.exec(text);
  if (command) {
    const target = command[2]?.toLowerCase();
    if (target && username && target !== username) return { text, forUs: false, forAnotherBot: true };
    return { text: `/${command[1]!.toLowerCase()}${command[3] ?? ''}`, forUs: true, forAnotherBot: false };
  }
  if (username) {
    const mention = new RegExp(`(^|\\s)@${username}\\b[,:]?`, 'i');
    if (mention.test(text)) return { text: text.replace(mention, '$1').replace(/\s+/g, ' ').trim(), forUs: true, forAnotherBot: false };
  }
  return { text, forUs: isReplyToBot(message, bot, username), forAnotherBot: false };
}

function isReplyToBot(message: TgMessage, bot: TelegramBotIdentity, username: string | undefined): boolean {
  const author = message.reply_to_message?.from;
  if (!author?.is_bot) return false;
  if (bot.id) return author.id === bot.id;
  return username !== undefined && author.username?.toLowerCase() === username;
}

type Draft = Omit<InboundEvent, 'channel' | 'eventId'>;

function fromMessage(m: TgMessage, now: Date, bot: TelegramBotIdentity, edited: boolean): Draft | { ignore: string } {
  const user = m.from;
  if (!user || user.is_bot) return { ignore: 'message without a human sender' };
  const chatType = chatTypeOf(m.chat.type);
  if (chatType === 'channel') return { ignore: 'channel posts are not conversations' };
  const content = messageKind(m);
  // Members joining or leaving, pinned messages, title changes…: nothing to answer.
  if (!content) return { ignore: 'service message' };
  const address = addressing(m, content.text, bot);
  if (address.forAnotherBot) return { ignore: 'command addressed to another bot' };
  if (chatType === 'group' && !address.forUs) return { ignore: 'group message not addressed to the bot' };
  return {
    userId: namespacedUserId('telegram', user.id),
    chatId: namespacedUserId('telegram', m.chat.id),
    ...content,
    text: truncate(nfc(address.text), 10_000),
    at: isoFromMs(m.date * 1000, now),
    displayName: displayName(user),
    languageCode: user.language_code,
    ...(chatType === 'group' ? { chatType, addressed: true } : {}),
    ...(edited ? { edited: true } : {}),
    ...(m.message_id === undefined ? {} : { messageId: String(m.message_id) }),
  };
}

/** Telegram Update → InboundEvent. `now` stamps events that carry no date (callback queries). */
export function parseTelegramUpdate(body: unknown, now: Date, bot: TelegramBotIdentity = {}): ParseResult {
  const parsed = telegramUpdateSchema.safeParse(body);
  if (!parsed.success) return { outcome: 'invalid', reason: `not a Telegram update: ${z.prettifyError(parsed.error)}` };
  const update = parsed.data;
  const base = { channel: 'telegram' as const, eventId: String(update.update_id) };

  let draft: Draft;
  if (update.message || update.edited_message) {
    const result = fromMessage((update.message ?? update.edited_message)!, now, bot, !update.message);
    if ('ignore' in result) return { outcome: 'ignore', reason: result.ignore };
    draft = result;
  } else if (update.callback_query) {
    const q = update.callback_query;
    const chatId = q.message?.chat.id ?? q.from.id;
    const chatType = chatTypeOf(q.message?.chat.type);
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
      // A button sits on one of the bot's own messages: always addressed to it.
      ...(chatType === 'group' ? { chatType, addressed: true } : {}),
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
  } else if (update.my_chat_member) {
    return { outcome: 'ignore', reason: 'the bot was added to or removed from a group: nothing to say' };
  } else {
    // message_reaction, poll_answer, chat_member…: acknowledged silently.
    return { outcome: 'ignore', reason: 'update type the bot does not answer (reactions, polls, member changes)' };
  }
  const event = inboundEventSchema.safeParse({ ...base, ...draft });
  return event.success
    ? { outcome: 'event', event: event.data }
    : { outcome: 'invalid', reason: z.prettifyError(event.error) };
}

/**
 * The callback query id to answer, if the update is a button press. Called for an
 * update `parseTelegramUpdate` already validated, so it reads the field instead of
 * running the whole update schema a second time on every request.
 */
export function telegramCallbackQueryId(body: unknown): string | undefined {
  const query = typeof body === 'object' && body !== null ? (body as { callback_query?: unknown }).callback_query : undefined;
  const id = typeof query === 'object' && query !== null ? (query as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
