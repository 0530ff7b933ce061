import { z } from 'zod';

/**
 * The one shape every channel's ingress turns a platform update into. The worker
 * and the conversation core only ever see this, never a Telegram or Zalo payload.
 */
export const CHANNELS = ['console', 'telegram', 'zalo-bot', 'zalo-oa'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const INBOUND_KINDS = [
  'text',
  'button',
  'image',
  /** A file (PDF, Word…) the user sent; `attachments` says which. */
  'document',
  'sticker',
  'voice',
  'location',
  /** A shared phone contact / business card: never stored (residents are known by platform id only). */
  'contact',
  'follow',
  'unfollow',
  'unsupported',
] as const;
export const inboundKindSchema = z.enum(INBOUND_KINDS);
export type InboundKind = z.infer<typeof inboundKindSchema>;

/** Private (1:1) or a group chat (Telegram group/supergroup, Zalo Bot GROUP). */
export const chatTypeSchema = z.enum(['direct', 'group']);
export type ChatType = z.infer<typeof chatTypeSchema>;

/** A photo or file the user sent; `ref` is how the worker fetches it (Telegram file_id, Zalo URL). */
export const inboundAttachmentSchema = z.object({
  type: z.enum(['image', 'document']),
  ref: z.string().min(1).max(2_000),
  name: z.string().max(300).optional(),
  mimeType: z.string().max(200).optional(),
  size: z.number().int().nonnegative().optional(),
});
export type InboundAttachment = z.infer<typeof inboundAttachmentSchema>;

/** Platform ids are always strings: Zalo OA ids have 18–19 digits and overflow a double. */
const idString = z.string().min(1).max(200);

export const inboundEventSchema = z.object({
  channel: channelSchema,
  /** The platform's own id for this delivery (update_id, msg_id, …); the dedupe key. */
  eventId: idString,
  /** Namespaced user id, `<channel>:<platform user id>`, e.g. `telegram:123456`. */
  userId: idString,
  /** Where replies go; for private chats it is the platform user id. */
  chatId: idString,
  kind: inboundKindSchema,
  /** NFC-normalised text the user typed (or the label of the button they pressed). */
  text: z.string().max(10_000).optional(),
  /** For `button`: the value attached to the button. */
  payload: z.string().max(1_000).optional(),
  /** When the platform says it happened, ISO 8601 in UTC. */
  at: z.iso.datetime(),
  displayName: z.string().max(200).optional(),
  /** Language hint from the platform (e.g. Telegram `language_code`). */
  languageCode: z.string().max(20).optional(),
  /** Absent means `direct`. */
  chatType: chatTypeSchema.optional(),
  /**
   * Group chats only: the message is for this bot (a command addressed to it, a
   * mention of it, a reply to one of its messages). Other group messages are not answered.
   */
  addressed: z.boolean().optional(),
  /** The user edited an earlier message; `text` is the corrected version. */
  edited: z.boolean().optional(),
  /** The platform's id of the message (Telegram message_id): an edit carries the id of the message it corrects. */
  messageId: z.string().max(200).optional(),
  /** Photos and files, in the order sent; a caption is in `text`. */
  attachments: z.array(inboundAttachmentSchema).max(10).optional(),
  /**
   * The channel account (bot / OA slug) the user wrote to; absent = `default`, the
   * environment's account. Already folded into `userId` (bot/core/channel-account.ts).
   */
  account: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;

/** Builds the namespaced user id every table and log uses. */
export function namespacedUserId(channel: Channel, platformUserId: string): string {
  return `${channel}:${platformUserId}`;
}

/** True in a group chat, where only messages addressed to the bot are answered. */
export function isGroupChat(event: Pick<InboundEvent, 'chatType'>): boolean {
  return event.chatType === 'group';
}
