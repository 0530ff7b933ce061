import { describe, expect, it } from 'vitest';
import { accountOfUserId, accountUserId, channelAccountOfUserId, platformIdOfUserId } from '../../../bot/core/channel-account.js';
import { platformId } from '../../../worker/channels/send-parts.js';
import { withAccount } from '../../../webhooks/channels/account-routes.js';

describe('chat users keyed by (account, platform id)', () => {
  it('keeps the historical id for the default account and inserts the slug for the others', () => {
    expect(accountUserId('telegram', 123)).toBe('telegram:123');
    expect(accountUserId('telegram', '123', 'ward-a')).toBe('telegram:ward-a:123');
    expect(accountOfUserId('telegram:123')).toBe('default');
    expect(accountOfUserId('zalo-oa:ward-a:8563847912345678901')).toBe('ward-a');
    expect(accountOfUserId('console:some:thing')).toBe('default');
    expect(platformIdOfUserId('telegram:ward-a:-100777')).toBe('-100777');
    expect(platformIdOfUserId('telegram:123')).toBe('123');
    expect(channelAccountOfUserId('zalo-bot:ward-b:9')).toBe('zalo-bot:ward-b');
    expect(channelAccountOfUserId('zalo-bot:9')).toBe('zalo-bot:default');
    // The adapters' chat id: the platform's own, whatever the account.
    expect(platformId('telegram', 'telegram:ward-a:-100777')).toBe('-100777');
    expect(platformId('telegram', 'telegram:42')).toBe('42');
  });

  it("stamps an event with its account: user, chat and event ids (two bots' update ids collide)", () => {
    const event = { channel: 'telegram' as const, eventId: '42', userId: 'telegram:7', chatId: 'telegram:-100', kind: 'text' as const, at: '2026-11-30T00:00:00.000Z' };
    expect(withAccount(event, 'default')).toBe(event);
    expect(withAccount(event, 'ward-a')).toEqual({ ...event, account: 'ward-a', eventId: 'ward-a.42', userId: 'telegram:ward-a:7', chatId: 'telegram:ward-a:-100' });
  });
});
