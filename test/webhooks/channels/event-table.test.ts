import { describe, expect, it } from 'vitest';
import { parseTelegramUpdate } from '../../../webhooks/channels/telegram.parser.js';
import { parseZaloBotUpdate } from '../../../webhooks/channels/zalo-bot.parser.js';
import { parseZaloOaEvent } from '../../../webhooks/channels/zalo-oa.parser.js';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../../fakes/payloads.js';

/**
 * One test per row of the event table in docs/channels.md ("Every event, and what
 * the bot does with it"): what ingress makes of each platform event. What the bot
 * then answers is covered by test/e2e/first-contact.e2e.test.ts.
 */
const now = new Date('2026-11-23T10:00:00.000Z');
const bot = { id: '123456', username: 'dvk_test_bot' };
const tg = (update: Record<string, unknown>) => parseTelegramUpdate(update, now, bot);
const group = { chatType: 'supergroup' as const, chatId: -100_42 };

describe('Telegram events', () => {
  it('text in private → text', () => {
    expect(tg(telegramPayloads.message({ text: 'xin chào' }))).toMatchObject({ outcome: 'event', event: { kind: 'text', text: 'xin chào' } });
  });
  it('/start, /start <payload>, /start@ourbot → the command, without the bot name', () => {
    expect(tg(telegramPayloads.message({ text: '/start@DVK_test_bot K7P2QX' }))).toMatchObject({ outcome: 'event', event: { text: '/start K7P2QX' } });
    expect(tg(telegramPayloads.message({ text: '/help' }))).toMatchObject({ outcome: 'event', event: { text: '/help' } });
  });
  it('/cmd@otherbot → ignored, in private and in groups', () => {
    expect(tg(telegramPayloads.message({ text: '/start@other_bot' })).outcome).toBe('ignore');
    expect(tg(telegramPayloads.message({ text: '/start@other_bot' }, group)).outcome).toBe('ignore');
  });
  it('group: small talk ignored; command, mention and reply to the bot addressed', () => {
    expect(tg(telegramPayloads.message({ text: 'hôm nay đẹp trời' }, group))).toMatchObject({ outcome: 'ignore' });
    expect(tg(telegramPayloads.message({ text: '/start' }, group))).toMatchObject({ outcome: 'event', event: { chatType: 'group', addressed: true, chatId: 'telegram:-10042' } });
    expect(tg(telegramPayloads.message({ text: '@dvk_test_bot lịch ngày hội?' }, group))).toMatchObject({ outcome: 'event', event: { text: 'lịch ngày hội?' } });
    const reply = telegramPayloads.message({ text: 'còn chỗ không', reply_to_message: { message_id: 1, date: 1, chat: { id: -10042 }, from: { id: 123456, is_bot: true, first_name: 'Bot' } } }, group);
    expect(tg(reply)).toMatchObject({ outcome: 'event', event: { text: 'còn chỗ không', addressed: true } });
    const replyToOther = telegramPayloads.message({ text: 'ừ', reply_to_message: { from: { id: 999, is_bot: true, first_name: 'Other' } } }, group);
    expect(tg(replyToOther).outcome).toBe('ignore');
  });
  it('service messages (member joined/left, pinned, title) → ignored', () => {
    for (const field of [{ new_chat_members: [{ id: 1, is_bot: false, first_name: 'A' }] }, { left_chat_member: { id: 1, is_bot: false, first_name: 'A' } }, { pinned_message: {} }, { new_chat_title: 'x' }]) {
      expect(tg(telegramPayloads.message(field, group)).outcome).toBe('ignore');
    }
  });
  it('photo → image with the largest size and the caption as text', () => {
    const r = tg(telegramPayloads.message({ photo: [{ file_id: 's' }, { file_id: 'b', file_size: 2048 }], caption: 'ảnh hoạt động' }));
    expect(r).toMatchObject({ outcome: 'event', event: { kind: 'image', text: 'ảnh hoạt động', attachments: [{ type: 'image', ref: 'b', size: 2048 }] } });
  });
  it('document → document with its name and type', () => {
    const r = tg(telegramPayloads.message({ document: { file_id: 'd1', file_name: 'Kế hoạch.pdf', mime_type: 'application/pdf', file_size: 1000 } }));
    expect(r).toMatchObject({ outcome: 'event', event: { kind: 'document', attachments: [{ type: 'document', ref: 'd1', name: 'Kế hoạch.pdf', mimeType: 'application/pdf' }] } });
  });
  it('location → location with the coordinates', () => {
    expect(tg(telegramPayloads.message({ location: { latitude: 21.03, longitude: 105.84 } }))).toMatchObject({ outcome: 'event', event: { kind: 'location', payload: '21.03,105.84' } });
  });
  it('contact → contact, the phone number not carried', () => {
    const r = tg(telegramPayloads.message({ contact: { phone_number: '+84912345678', first_name: 'Lan' } }));
    expect(r).toMatchObject({ outcome: 'event', event: { kind: 'contact' } });
    expect(JSON.stringify(r)).not.toContain('912345678');
  });
  it('poll, video, dice → unsupported (polite text-only reply)', () => {
    expect(tg(telegramPayloads.message({ poll: { id: 'p1', question: '?' } }))).toMatchObject({ outcome: 'event', event: { kind: 'unsupported' } });
    expect(tg(telegramPayloads.message({ dice: { emoji: '🎲', value: 2 } }))).toMatchObject({ outcome: 'event', event: { kind: 'unsupported' } });
  });
  it('edited message → the corrected text, marked edited, with the id of the message it corrects', () => {
    expect(tg(telegramPayloads.message({ text: 'phường Cửa Nam', message_id: 4321 }, { edited: true }))).toMatchObject({ outcome: 'event', event: { kind: 'text', edited: true, messageId: '4321' } });
  });
  it('reaction, poll answer, chat member change → ignored', () => {
    expect(tg(telegramPayloads.reaction()).outcome).toBe('ignore');
    expect(tg({ update_id: 9, poll_answer: { poll_id: 'p', option_ids: [0] } }).outcome).toBe('ignore');
    expect(tg({ update_id: 10, chat_member: { chat: { id: -1 } } }).outcome).toBe('ignore');
  });
  it('bot added to a group → ignored; blocked/unblocked in private → unfollow/follow', () => {
    const added = telegramPayloads.blocked() as { my_chat_member: { chat: unknown; new_chat_member: { status: string } } };
    added.my_chat_member.chat = { id: -100_42, type: 'supergroup' };
    added.my_chat_member.new_chat_member.status = 'member';
    expect(tg(added).outcome).toBe('ignore');
    expect(tg(telegramPayloads.blocked())).toMatchObject({ outcome: 'event', event: { kind: 'unfollow' } });
  });
  it('channel posts → ignored', () => {
    const post = telegramPayloads.message({ text: 'tin kênh' }) as { message: { chat: unknown } };
    post.message.chat = { id: -100_9, type: 'channel' };
    expect(tg(post).outcome).toBe('ignore');
  });
});

describe('Zalo Bot events', () => {
  it('text, image (URL as attachment), sticker', () => {
    expect(parseZaloBotUpdate(zaloBotPayloads.text('chào'), now)).toMatchObject({ outcome: 'event', event: { kind: 'text' } });
    const image = parseZaloBotUpdate(zaloBotPayloads.text('', { eventName: 'message.image.received', fields: { photo: 'https://z.invalid/p.jpg', caption: 'ảnh' } }), now);
    expect(image).toMatchObject({ outcome: 'event', event: { kind: 'image', text: 'ảnh', attachments: [{ type: 'image', ref: 'https://z.invalid/p.jpg' }] } });
    expect(parseZaloBotUpdate(zaloBotPayloads.text('', { eventName: 'message.sticker.received', fields: { sticker: 'st1' } }), now)).toMatchObject({ outcome: 'event', event: { kind: 'sticker' } });
  });
  it('group message (delivered only when the bot is mentioned or quoted) → addressed, replies to the group', () => {
    const r = parseZaloBotUpdate(zaloBotPayloads.text('lịch ngày hội', { userId: 'u1', groupId: 'g1' }), now);
    expect(r).toMatchObject({ outcome: 'event', event: { chatType: 'group', addressed: true, chatId: 'zalo-bot:g1', userId: 'zalo-bot:u1' } });
  });
  it('group message with the @mention of the bot → the text without the mention (ZALO_BOT_NAME, else one leading @word)', () => {
    const named = parseZaloBotUpdate(zaloBotPayloads.text('@Dân Vận Khéo lịch ngày hội', { userId: 'u1', groupId: 'g1' }), now, { name: 'Dân vận khéo' });
    expect(named).toMatchObject({ outcome: 'event', event: { text: 'lịch ngày hội' } });
    const unnamed = parseZaloBotUpdate(zaloBotPayloads.text('@dvk, lịch ngày hội', { userId: 'u1', groupId: 'g1' }), now);
    expect(unnamed).toMatchObject({ outcome: 'event', event: { text: 'lịch ngày hội' } });
    // In private the text is kept as typed.
    expect(parseZaloBotUpdate(zaloBotPayloads.text('@Dân vận khéo ơi', { userId: 'u1' }), now, { name: 'Dân vận khéo' })).toMatchObject({ event: { text: '@Dân vận khéo ơi' } });
  });
  it('reaction → ignored', () => {
    expect(parseZaloBotUpdate(zaloBotPayloads.text('', { eventName: 'message.reaction.received' }), now).outcome).toBe('ignore');
  });
  it('unsupported content (protected sender) → unsupported, or ignored without a message', () => {
    expect(parseZaloBotUpdate(zaloBotPayloads.text('', { eventName: 'message.unsupported.received' }), now)).toMatchObject({ outcome: 'event', event: { kind: 'unsupported' } });
    expect(parseZaloBotUpdate({ event_name: 'message.unsupported.received' }, now).outcome).toBe('ignore');
  });
});

describe('Zalo OA events', () => {
  const oa = (name: string, opts: Parameters<typeof zaloOaPayloads.event>[1] = {}) => parseZaloOaEvent(zaloOaPayloads.event(name, opts), now);
  it('user_click_chatnow and follow → follow (greeted); unfollow → unfollow (silent)', () => {
    expect(oa('user_click_chatnow')).toMatchObject({ outcome: 'event', event: { kind: 'follow', userId: `zalo-oa:${zaloOaPayloads.userId}` } });
    expect(parseZaloOaEvent(zaloOaPayloads.follow(), now)).toMatchObject({ outcome: 'event', event: { kind: 'follow' } });
  });
  it('user_send_location → location', () => {
    const r = oa('user_send_location', { message: { attachments: [{ type: 'location', payload: { coordinates: { latitude: '21.03', longitude: '105.84' } } }] } });
    expect(r).toMatchObject({ outcome: 'event', event: { kind: 'location', payload: '21.03,105.84' } });
  });
  it('user_send_image / user_send_file → image / document with the URLs', () => {
    const image = oa('user_send_image', { message: { text: 'ảnh', attachments: [{ type: 'image', payload: { url: 'https://oa.invalid/1.jpg' } }, { type: 'image', payload: { url: 'https://oa.invalid/2.jpg' } }] } });
    expect(image).toMatchObject({ outcome: 'event', event: { kind: 'image', text: 'ảnh', attachments: [{ ref: 'https://oa.invalid/1.jpg' }, { ref: 'https://oa.invalid/2.jpg' }] } });
    const file = oa('user_send_file', { message: { attachments: [{ type: 'file', payload: { url: 'https://oa.invalid/k.pdf', name: 'k.pdf', size: '2048' } }] } });
    expect(file).toMatchObject({ outcome: 'event', event: { kind: 'document', attachments: [{ type: 'document', name: 'k.pdf', size: 2048 }] } });
  });
  it('user_send_business_card → contact', () => {
    expect(oa('user_send_business_card', { message: { attachments: [{ type: 'business_card', payload: {} }] } })).toMatchObject({ outcome: 'event', event: { kind: 'contact' } });
  });
  it('user_reacted_message, user_seen_message, user_received_message, oa_send_* echoes → ignored', () => {
    for (const name of ['user_reacted_message', 'user_seen_message', 'user_received_message', 'oa_send_text', 'oa_reacted_message']) {
      expect(oa(name, { fromOa: name !== 'user_reacted_message', message: { text: 'x' } }).outcome, name).toBe('ignore');
    }
  });
});
