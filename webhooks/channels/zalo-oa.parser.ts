import { z } from 'zod';
import { inboundEventSchema, namespacedUserId, type InboundAttachment, type InboundKind } from '../../bot/core/inbound-event.js';
import { isoFromMs, nfc, safeIdPart, truncate, type ParseResult } from './parse-result.js';

/**
 * Zalo OA webhook (platforms.md §2.3). Parse the raw body with
 * `parseJsonKeepingBigIntegers` first: ids have 18–19 digits, and a JSON number
 * that large is already rounded by `JSON.parse`; numbers are accepted only while safe.
 */
const oaId = z
  .union([z.string().regex(/^\d{1,25}$/, 'Zalo OA ids are decimal digit strings'), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform(String);
const attachmentSchema = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      name: z.string().optional(),
      size: z.union([z.string().regex(/^\d+$/).transform(Number), z.number()]).optional(),
      type: z.string().optional(),
      id: z.union([z.string(), z.number()]).optional(),
      coordinates: z
        .object({ latitude: z.union([z.string(), z.number()]), longitude: z.union([z.string(), z.number()]) })
        .optional(),
    })
    .optional(),
});
export const zaloOaEventSchema = z.object({
  app_id: z.union([z.string().min(1), z.number().int()]).transform(String),
  event_name: z.string().min(1),
  timestamp: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String),
  user_id_by_app: z.string().optional(),
  sender: z.object({ id: oaId }).optional(),
  recipient: z.object({ id: oaId }).optional(),
  follower: z.object({ id: oaId }).optional(),
  user_id: oaId.optional(),
  oa_id: z.string().optional(),
  message: z
    .object({
      msg_id: z.string().optional(),
      text: z.string().optional(),
      attachments: z.array(attachmentSchema).optional(),
    })
    .optional(),
});
export type ZaloOaEvent = z.infer<typeof zaloOaEventSchema>;

const KIND_BY_EVENT: Record<string, InboundKind> = {
  user_send_text: 'text',
  user_send_image: 'image',
  user_send_gif: 'image',
  user_send_sticker: 'sticker',
  user_send_audio: 'voice',
  user_send_location: 'location',
  user_send_file: 'document',
  user_send_business_card: 'contact',
  // The user tapped "Nhắn tin" on the OA's page: first contact, greeted like a follow.
  user_click_chatnow: 'follow',
  follow: 'follow',
  unfollow: 'unfollow',
};

/**
 * Acknowledged, never enqueued: our own activity (echoes `oa_send_*`, `oa_reacted_message`),
 * delivery and seen receipts, and the user's reactions — answering a reaction would spend
 * the OA's message quota on noise.
 */
function isSilentEvent(eventName: string): boolean {
  return (
    eventName.startsWith('oa_') ||
    eventName === 'user_received_message' ||
    eventName === 'user_seen_message' ||
    eventName === 'user_reacted_message'
  );
}

/** Which id is the user depends on the event family (Chatwoot's routing rule). */
function userIdOf(event: ZaloOaEvent): string | undefined {
  if (event.event_name === 'follow' || event.event_name === 'unfollow') return event.follower?.id ?? event.user_id;
  return event.sender?.id ?? event.user_id ?? event.follower?.id;
}

export function parseZaloOaEvent(body: unknown, now: Date): ParseResult {
  const parsed = zaloOaEventSchema.safeParse(body);
  if (!parsed.success) return { outcome: 'invalid', reason: `not a Zalo OA event: ${z.prettifyError(parsed.error)}` };
  const event = parsed.data;
  if (isSilentEvent(event.event_name)) return { outcome: 'ignore', reason: `${event.event_name} gets no answer (echo, receipt or reaction)` };
  const user = userIdOf(event);
  if (!user) return { outcome: 'ignore', reason: `${event.event_name} names no user` };

  const kind: InboundKind = KIND_BY_EVENT[event.event_name] ?? 'unsupported';
  const attachment = event.message?.attachments?.[0];
  let payload: string | undefined;
  if (kind === 'location' && attachment?.payload?.coordinates) {
    const { latitude, longitude } = attachment.payload.coordinates;
    payload = `${latitude},${longitude}`;
  } else if (kind === 'image' || kind === 'sticker' || kind === 'voice' || kind === 'document') {
    payload = attachment?.payload?.url ?? (attachment?.payload?.id === undefined ? undefined : String(attachment.payload.id));
  }
  const attachments: InboundAttachment[] | undefined =
    (kind === 'image' || kind === 'document') && event.message?.attachments
      ? event.message.attachments.flatMap((a) =>
          a.payload?.url
            ? [{ type: kind, ref: a.payload.url, name: truncate(nfc(a.payload.name), 300), size: a.payload.size }]
            : [],
        ).slice(0, 10)
      : undefined;
  // msg_id identifies a message; follow/unfollow and others have none, so the key is
  // built from what Zalo repeats identically on a redelivery.
  const eventId = event.message?.msg_id
    ? safeIdPart(event.message.msg_id)
    : safeIdPart(`${event.event_name}.${user}.${event.timestamp}`);
  const result = inboundEventSchema.safeParse({
    channel: 'zalo-oa',
    eventId,
    userId: namespacedUserId('zalo-oa', user),
    // Zalo OA is 1:1 only: the conversation is the user.
    chatId: namespacedUserId('zalo-oa', user),
    kind,
    // oa.query.show buttons come back as ordinary text: the runner maps it to the option.
    text: kind === 'location' ? undefined : truncate(nfc(event.message?.text), 10_000),
    payload: truncate(payload, 1_000),
    attachments,
    at: isoFromMs(Number(event.timestamp), now),
  });
  return result.success
    ? { outcome: 'event', event: result.data }
    : { outcome: 'invalid', reason: z.prettifyError(result.error) };
}
