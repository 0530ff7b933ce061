import { z } from 'zod';
import { inboundEventSchema, namespacedUserId, type InboundAttachment, type InboundKind } from '../../bot/core/inbound-event.js';
import { isoFromMs, nfc, safeIdPart, truncate, type ParseResult } from './parse-result.js';
import { stripZaloBotMention } from './zalo-bot-mention.js';

/**
 * Zalo Bot Platform update (platforms.md §1.6). Ids are opaque strings; numbers
 * are accepted and stringified in case a future payload sends them bare.
 * Field-name drift seen in the wild is tolerated: `photo` / `photo_url`,
 * `display_name` / `name` / `first_name`.
 */
const zbId = z.union([z.string().min(1), z.number()]).transform(String);
const messageSchema = z.object({
  message_id: zbId,
  date: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  from: z.object({
    id: zbId,
    display_name: z.string().optional(),
    name: z.string().optional(),
    first_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.object({ id: zbId, chat_type: z.string().optional() }).optional(),
  text: z.string().optional(),
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
  url: z.string().optional(),
});
export const zaloBotUpdateSchema = z.object({
  event_name: z.string().min(1),
  message: messageSchema.optional(),
});
export type ZaloBotUpdate = z.infer<typeof zaloBotUpdateSchema>;

/** The docs wrap the update in `{ok, result}`; live webhooks were seen flat. Accept both. */
export function unwrapZaloBotEnvelope(body: unknown): unknown {
  if (body && typeof body === 'object' && 'result' in body && (body as { ok?: unknown }).ok === true) {
    return (body as { result: unknown }).result;
  }
  return body;
}

const KIND_BY_EVENT: Record<string, InboundKind> = {
  'message.text.received': 'text',
  'message.image.received': 'image',
  'message.sticker.received': 'sticker',
  'message.voice.received': 'voice',
  'message.unsupported.received': 'unsupported',
};

/** `date` is documented in ms; some SDKs convert seconds, so values below 1e12 are treated as seconds. */
function toMs(date: number | undefined): number | undefined {
  if (date === undefined) return undefined;
  return date < 1e12 ? date * 1000 : date;
}

/** What the parser knows of the bot: the name members @mention it by in groups (ZALO_BOT_NAME). */
export interface ZaloBotIdentity {
  name?: string | null;
}

export function parseZaloBotUpdate(body: unknown, now: Date, bot: ZaloBotIdentity = {}): ParseResult {
  const parsed = zaloBotUpdateSchema.safeParse(unwrapZaloBotEnvelope(body));
  if (!parsed.success) return { outcome: 'invalid', reason: `not a Zalo Bot update: ${z.prettifyError(parsed.error)}` };
  const { event_name: eventName, message } = parsed.data;
  // A protected-group sender's `message.unsupported.received` may carry no message at
  // all: without a user there is no one to answer, so it is acknowledged and dropped.
  if (!message) return { outcome: 'ignore', reason: `${eventName} without a message names no user` };
  if (message.from.is_bot) return { outcome: 'ignore', reason: 'message from a bot' };
  // Reactions are acknowledged silently: an answer to each would spam the chat.
  if (eventName === 'message.reaction.received') return { outcome: 'ignore', reason: 'reactions get no answer' };

  let kind: InboundKind = KIND_BY_EVENT[eventName] ?? 'unsupported';
  let text = message.text;
  let payload: string | undefined;
  let attachments: InboundAttachment[] | undefined;
  if (kind === 'image') {
    text = message.caption;
    payload = message.photo ?? message.photo_url;
    // The photo is a direct URL: the worker downloads it from there.
    if (payload) attachments = [{ type: 'image', ref: payload }];
  } else if (kind === 'sticker') {
    payload = message.sticker;
  } else if (eventName === 'message.link.received' && message.text) {
    kind = 'text'; // a pasted link is still something the user typed
  }
  const platformChatId = message.chat?.id ?? message.from.id;
  // Zalo delivers group messages only when the bot is mentioned or quoted: all are addressed to it.
  const group = message.chat?.chat_type?.toUpperCase() === 'GROUP';
  // The mention is how the message reached us, not what it says: understood without it.
  if (group && text !== undefined) text = stripZaloBotMention(text, bot.name);
  const event = inboundEventSchema.safeParse({
    channel: 'zalo-bot',
    // Event name is part of the key: a reaction to message X must not dedupe X itself.
    eventId: safeIdPart(eventName === 'message.text.received' ? message.message_id : `${message.message_id}.${eventName}`),
    userId: namespacedUserId('zalo-bot', message.from.id),
    chatId: namespacedUserId('zalo-bot', platformChatId),
    kind,
    text: truncate(nfc(text), 10_000),
    payload: truncate(payload, 1_000),
    at: isoFromMs(toMs(message.date), now),
    displayName: truncate(nfc(message.from.display_name ?? message.from.name ?? message.from.first_name), 200),
    attachments,
    ...(group ? { chatType: 'group', addressed: true } : {}),
  });
  return event.success
    ? { outcome: 'event', event: event.data }
    : { outcome: 'invalid', reason: z.prettifyError(event.error) };
}
