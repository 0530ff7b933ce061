import { describe, expect, it } from 'vitest';
import { parseJsonKeepingBigIntegers } from '../../../webhooks/channels/parse-json-safely.js';
import { parseTelegramUpdate } from '../../../webhooks/channels/telegram.parser.js';
import { parseZaloBotUpdate } from '../../../webhooks/channels/zalo-bot.parser.js';
import { parseZaloOaEvent } from '../../../webhooks/channels/zalo-oa.parser.js';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../../fakes/payloads.js';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('parseTelegramUpdate', () => {
  it('maps a text message with namespaced string ids and UTC time from seconds', () => {
    const r = parseTelegramUpdate(telegramPayloads.text('Xin chào', { updateId: 42, userId: 777 }), now);
    expect(r).toMatchObject({
      outcome: 'event',
      event: { channel: 'telegram', eventId: '42', userId: 'telegram:777', chatId: 'telegram:777', kind: 'text', text: 'Xin chào', at: '2025-11-23T12:13:20.000Z', displayName: 'Lan Nguyễn', languageCode: 'vi' },
    });
  });

  it('normalises text to NFC', () => {
    const decomposed = 'Đăng ký'.normalize('NFD');
    const r = parseTelegramUpdate(telegramPayloads.text(decomposed), now);
    expect(r.outcome === 'event' && r.event.text).toBe('Đăng ký'.normalize('NFC'));
  });

  it('maps a callback query to a button with payload and the pressed label', () => {
    const r = parseTelegramUpdate(telegramPayloads.callback('opt2', [[{ text: 'Một', callback_data: 'opt1' }], [{ text: 'Hai', callback_data: 'opt2' }]]), now);
    expect(r).toMatchObject({ outcome: 'event', event: { kind: 'button', payload: 'opt2', text: 'Hai', at: now.toISOString() } });
  });

  it('turns a #n stand-in for an over-long value into the typed label', () => {
    const r = parseTelegramUpdate(telegramPayloads.callback('#2', [[{ text: 'Một', callback_data: 'opt1' }], [{ text: 'Hai dài', callback_data: '#2' }]]), now);
    expect(r).toMatchObject({ outcome: 'event', event: { kind: 'text', text: 'Hai dài' } });
    expect(r.outcome === 'event' && r.event.payload).toBeUndefined();
  });

  it('maps a private block to unfollow', () => {
    expect(parseTelegramUpdate(telegramPayloads.blocked(), now)).toMatchObject({ outcome: 'event', event: { kind: 'unfollow' } });
  });

  it('turns unknown message content into unsupported and unknown updates into ignore', () => {
    const dice = telegramPayloads.text('x') as { message: Record<string, unknown> };
    delete dice.message.text;
    dice.message.dice = { emoji: '🎲', value: 3 };
    expect(parseTelegramUpdate(dice, now)).toMatchObject({ outcome: 'event', event: { kind: 'unsupported' } });
    expect(parseTelegramUpdate({ update_id: 5, poll: { id: 'p' } }, now).outcome).toBe('ignore');
  });

  it('rejects bodies that are not updates', () => {
    for (const body of [null, 'x', {}, { update_id: 'abc' }, [], { update_id: -1 }]) {
      expect(parseTelegramUpdate(body, now).outcome).toBe('invalid');
    }
  });
});

describe('parseZaloBotUpdate', () => {
  it('accepts the wrapped and the flat envelope alike, date in ms', () => {
    const wrapped = parseZaloBotUpdate(zaloBotPayloads.text('Chào', { wrapped: true, messageId: 'ab12' }), now);
    const flat = parseZaloBotUpdate(zaloBotPayloads.text('Chào', { wrapped: false, messageId: 'ab12' }), now);
    expect(wrapped).toEqual(flat);
    expect(wrapped).toMatchObject({
      outcome: 'event',
      event: { channel: 'zalo-bot', eventId: 'ab12', userId: 'zalo-bot:a1b2c3d4e5f6a7b8c9d0', kind: 'text', text: 'Chào', at: '2025-06-19T06:55:31.602Z', displayName: 'Ông Tư' },
    });
  });

  it('reads photo or photo_url for images', () => {
    const body = zaloBotPayloads.text('', { eventName: 'message.image.received' }) as { message: Record<string, unknown> };
    delete body.message.text;
    body.message.photo_url = 'https://example.invalid/p.jpg';
    body.message.caption = 'ảnh';
    expect(parseZaloBotUpdate(body, now)).toMatchObject({ outcome: 'event', event: { kind: 'image', payload: 'https://example.invalid/p.jpg', text: 'ảnh' } });
  });

  it('makes unknown event names unsupported and drops message-less events', () => {
    const r = parseZaloBotUpdate(zaloBotPayloads.text('?', { eventName: 'message.video.received' }), now);
    expect(r).toMatchObject({ outcome: 'event', event: { kind: 'unsupported' } });
    expect(parseZaloBotUpdate({ event_name: 'message.unsupported.received' }, now).outcome).toBe('ignore');
    expect(parseZaloBotUpdate({ ok: true, result: { nope: 1 } }, now).outcome).toBe('invalid');
  });
});

describe('parseZaloOaEvent', () => {
  it('keeps 19-digit ids exact even when they arrive as JSON numbers', () => {
    const raw = `{"app_id":1234567890123456789,"event_name":"user_send_text","timestamp":1763892000000,"sender":{"id":8563847912345678901},"recipient":{"id":579745863508352884},"message":{"msg_id":"m1","text":"Chào OA"}}`;
    const r = parseZaloOaEvent(parseJsonKeepingBigIntegers(raw), now);
    expect(r).toMatchObject({
      outcome: 'event',
      event: { channel: 'zalo-oa', eventId: 'm1', userId: 'zalo-oa:8563847912345678901', chatId: 'zalo-oa:8563847912345678901', kind: 'text', at: '2025-11-23T10:00:00.000Z' },
    });
    // The naive parser would have rounded it.
    expect(String((JSON.parse(raw) as { sender: { id: number } }).sender.id)).not.toBe('8563847912345678901');
  });

  it('maps follow, location, echoes and unknown events', () => {
    expect(parseZaloOaEvent(zaloOaPayloads.follow(), now)).toMatchObject({ outcome: 'event', event: { kind: 'follow', userId: `zalo-oa:${zaloOaPayloads.userId}` } });
    const loc = zaloOaPayloads.text('', { eventName: 'user_send_location' }) as { message: Record<string, unknown> };
    loc.message.attachments = [{ type: 'location', payload: { coordinates: { latitude: '21.0285', longitude: '105.8542' } } }];
    expect(parseZaloOaEvent(loc, now)).toMatchObject({ outcome: 'event', event: { kind: 'location', payload: '21.0285,105.8542' } });
    expect(parseZaloOaEvent(zaloOaPayloads.text('x', { eventName: 'oa_send_text' }), now).outcome).toBe('ignore');
    expect(parseZaloOaEvent(zaloOaPayloads.text('x', { eventName: 'user_did_something_new' }), now)).toMatchObject({ outcome: 'event', event: { kind: 'unsupported' } });
    expect(parseZaloOaEvent({ event_name: 'user_send_text' }, now).outcome).toBe('invalid');
  });

  it('derives a stable, colon-free event id for events without msg_id', () => {
    const body = zaloOaPayloads.follow();
    const a = parseZaloOaEvent(body, now);
    const b = parseZaloOaEvent(structuredClone(body), now);
    expect(a.outcome === 'event' && a.event.eventId).toBe(b.outcome === 'event' && b.event.eventId);
    expect(a.outcome === 'event' && a.event.eventId).not.toContain(':');
  });
});

describe('parseJsonKeepingBigIntegers', () => {
  it('quotes only long integers outside strings', () => {
    expect(parseJsonKeepingBigIntegers('{"a":12345678901234567890,"b":"12345678901234567890x","c":1.5e3,"d":-98765432109876543,"e":42,"f":"q\\"1234567890123456789"}')).toEqual({
      a: '12345678901234567890',
      b: '12345678901234567890x',
      c: 1500,
      d: '-98765432109876543',
      e: 42,
      f: 'q"1234567890123456789',
    });
    expect(() => parseJsonKeepingBigIntegers('{bad')).toThrow(SyntaxError);
  });
});
