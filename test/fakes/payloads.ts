import { createHash } from 'node:crypto';

/**
 * Webhook bodies built from the documented shapes (platforms.md §1.6, §2.3, §3):
 * tests send these to the real routes.
 */
let counter = 0;
const next = (): number => ++counter;

export interface TelegramMessageOptions {
  updateId?: number;
  userId?: number;
  chatId?: number;
  /** Default `private`. */
  chatType?: 'private' | 'group' | 'supergroup';
  languageCode?: string;
  /** Sent as `edited_message`. */
  edited?: boolean;
}

export const telegramPayloads = {
  /** Any message: `fields` are the content (`text`, `photo`, `location`, `new_chat_members`…). */
  message(fields: Record<string, unknown>, opts: TelegramMessageOptions = {}): Record<string, unknown> {
    const userId = opts.userId ?? 555001;
    const chatType = opts.chatType ?? 'private';
    const text = typeof fields.text === 'string' ? fields.text : undefined;
    return {
      update_id: opts.updateId ?? 100_000 + next(),
      [opts.edited ? 'edited_message' : 'message']: {
        message_id: next(),
        date: 1_763_900_000,
        chat: chatType === 'private' ? { id: opts.chatId ?? userId, type: 'private', first_name: 'Lan' } : { id: opts.chatId ?? -100_777, type: chatType, title: 'Tổ dân phố 5' },
        from: { id: userId, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn', language_code: opts.languageCode ?? 'vi' },
        ...(text?.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
        ...(opts.edited ? { edit_date: 1_763_900_100 } : {}),
        ...fields,
      },
    };
  },
  /** A reaction to a message (Bot API 7.0 `message_reaction`). */
  reaction(opts: { updateId?: number; userId?: number } = {}): Record<string, unknown> {
    const userId = opts.userId ?? 555001;
    return {
      update_id: opts.updateId ?? 100_000 + next(),
      message_reaction: {
        chat: { id: userId, type: 'private' },
        message_id: 1,
        user: { id: userId, is_bot: false, first_name: 'Lan' },
        date: 1_763_900_000,
        old_reaction: [],
        new_reaction: [{ type: 'emoji', emoji: '👍' }],
      },
    };
  },
  text(text: string, opts: { updateId?: number; userId?: number; chatId?: number } = {}): Record<string, unknown> {
    const userId = opts.userId ?? 555001;
    return {
      update_id: opts.updateId ?? 100_000 + next(),
      message: {
        message_id: next(),
        date: 1_763_900_000,
        chat: { id: opts.chatId ?? userId, type: 'private', first_name: 'Lan' },
        from: { id: userId, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn', language_code: 'vi' },
        text,
        ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
      },
    };
  },
  callback(data: string, keyboard: { text: string; callback_data: string }[][], opts: { updateId?: number; userId?: number } = {}): Record<string, unknown> {
    const userId = opts.userId ?? 555001;
    return {
      update_id: opts.updateId ?? 100_000 + next(),
      callback_query: {
        id: `cbq${next()}`,
        chat_instance: '-99',
        from: { id: userId, is_bot: false, first_name: 'Lan', language_code: 'vi' },
        message: {
          message_id: next(),
          date: 1_763_900_000,
          chat: { id: userId, type: 'private' },
          from: { id: 123456, is_bot: true, first_name: 'Bot' },
          text: 'menu',
          reply_markup: { inline_keyboard: keyboard },
        },
        data,
      },
    };
  },
  blocked(opts: { updateId?: number; userId?: number } = {}): Record<string, unknown> {
    const userId = opts.userId ?? 555001;
    return {
      update_id: opts.updateId ?? 100_000 + next(),
      my_chat_member: {
        chat: { id: userId, type: 'private' },
        from: { id: userId, is_bot: false, first_name: 'Lan' },
        date: 1_763_900_000,
        old_chat_member: { status: 'member', user: { id: 123456, is_bot: true, first_name: 'Bot' } },
        new_chat_member: { status: 'kicked', user: { id: 123456, is_bot: true, first_name: 'Bot' }, until_date: 0 },
      },
    };
  },
};

export const zaloBotPayloads = {
  /** `wrapped: true` = the documented `{ok, result}` envelope; false = flat, as seen live. */
  text(
    text: string,
    opts: { wrapped?: boolean; messageId?: string; userId?: string; eventName?: string; groupId?: string; fields?: Record<string, unknown> } = {},
  ): Record<string, unknown> {
    const userId = opts.userId ?? 'a1b2c3d4e5f6a7b8c9d0';
    const update = {
      event_name: opts.eventName ?? 'message.text.received',
      message: {
        message_id: opts.messageId ?? `${next().toString(16).padStart(20, '0')}`,
        date: 1_750_316_131_602,
        from: { id: userId, display_name: 'Ông Tư', is_bot: false },
        chat: opts.groupId ? { id: opts.groupId, chat_type: 'GROUP' } : { id: userId, chat_type: 'PRIVATE' },
        text,
        ...opts.fields,
      },
    };
    return opts.wrapped ? { ok: true, result: update } : update;
  },
};

const OA_APP_ID = '1234567890123456789';
const OA_ID = '579745863508352884';
const OA_USER_ID = '8563847912345678901';

export const zaloOaPayloads = {
  appId: OA_APP_ID,
  oaId: OA_ID,
  userId: OA_USER_ID,
  text(text: string, opts: { msgId?: string; userId?: string; eventName?: string; timestamp?: string } = {}): Record<string, unknown> {
    return {
      app_id: OA_APP_ID,
      user_id_by_app: '5512345678901234567',
      event_name: opts.eventName ?? 'user_send_text',
      timestamp: opts.timestamp ?? String(Date.now()),
      sender: { id: opts.userId ?? OA_USER_ID },
      recipient: { id: OA_ID },
      message: { msg_id: opts.msgId ?? `msg${next()}abcdef`, text },
    };
  },
  /** Any event with a top-level `user_id` (user_click_chatnow) or a sender (reactions, locations, receipts). */
  event(eventName: string, opts: { userId?: string; message?: Record<string, unknown>; fromOa?: boolean } = {}): Record<string, unknown> {
    const user = opts.userId ?? OA_USER_ID;
    return {
      app_id: OA_APP_ID,
      oa_id: OA_ID,
      user_id_by_app: '5512345678901234567',
      event_name: eventName,
      timestamp: String(Date.now() + next()),
      ...(eventName === 'user_click_chatnow'
        ? { user_id: user }
        : { sender: { id: opts.fromOa ? OA_ID : user }, recipient: { id: opts.fromOa ? user : OA_ID } }),
      ...(opts.message ? { message: { msg_id: `msg${next()}fedcba`, ...opts.message } } : {}),
    };
  },
  follow(opts: { userId?: string } = {}): Record<string, unknown> {
    return {
      app_id: OA_APP_ID,
      oa_id: OA_ID,
      user_id_by_app: '5512345678901234567',
      event_name: 'follow',
      timestamp: String(Date.now()),
      source: 'oa_profile',
      follower: { id: opts.userId ?? OA_USER_ID },
    };
  },
  /** The `X-ZEvent-Signature` value for a raw body. */
  signature(rawBody: string, oaSecretKey: string, appId = OA_APP_ID): string {
    const parsed = JSON.parse(rawBody.replace(/"timestamp"\s*:\s*(\d+)/, '"timestamp":"$1"')) as { timestamp: string };
    return `mac=${createHash('sha256').update(appId + rawBody + parsed.timestamp + oaSecretKey).digest('hex')}`;
  },
};
