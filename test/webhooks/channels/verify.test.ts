import { describe, expect, it } from 'vitest';
import { constantTimeEqual, matchesSecret } from '../../../webhooks/channels/constant-time.js';
import { verifyTelegramSecret } from '../../../webhooks/channels/telegram.verify.js';
import { verifyZaloBotSecret } from '../../../webhooks/channels/zalo-bot.verify.js';
import { verifyZaloOaSignature, zaloOaMac } from '../../../webhooks/channels/zalo-oa.verify.js';
import { zaloOaPayloads } from '../../fakes/payloads.js';

describe('secret header verification', () => {
  it('accepts only the exact secret', () => {
    expect(verifyTelegramSecret('s3cret_-X', 's3cret_-X')).toBe(true);
    expect(verifyTelegramSecret('s3cret_-x', 's3cret_-X')).toBe(false);
    expect(verifyTelegramSecret(undefined, 's3cret_-X')).toBe(false);
    expect(verifyTelegramSecret(['s3cret_-X', 's3cret_-X'], 's3cret_-X')).toBe(false);
    expect(verifyZaloBotSecret('zalo-secret-123', 'zalo-secret-123')).toBe(true);
    expect(verifyZaloBotSecret('zalo-secret-12', 'zalo-secret-123')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(false);
  });

  it('keeps each secret apart once its digest is cached (many accounts, one process)', () => {
    for (let round = 0; round < 3; round += 1) {
      expect(matchesSecret('account-a-secret', 'account-a-secret')).toBe(true);
      expect(matchesSecret('account-a-secret', 'account-b-secret')).toBe(false);
      expect(matchesSecret('account-b-secret', 'account-b-secret')).toBe(true);
    }
    expect(matchesSecret('', '')).toBe(false);
    expect(matchesSecret(undefined, 'account-a-secret')).toBe(false);
  });
});

describe('Zalo OA signature', () => {
  const secret = 'oa-secret-key';
  const raw = JSON.stringify(zaloOaPayloads.text('Chào', { timestamp: '1763892000000' }));
  const input = { rawBody: Buffer.from(raw), appId: zaloOaPayloads.appId, timestamp: '1763892000000', oaSecretKey: secret };

  it('is sha256(app_id + raw body + timestamp + OA secret key), with or without mac=', () => {
    const header = zaloOaPayloads.signature(raw, secret);
    expect(header).toBe(`mac=${zaloOaMac(input)}`);
    expect(verifyZaloOaSignature({ ...input, header })).toBe(true);
    expect(verifyZaloOaSignature({ ...input, header: header.slice(4) })).toBe(true);
    expect(verifyZaloOaSignature({ ...input, header: header.toUpperCase().replace('MAC=', 'mac=') })).toBe(true);
  });

  it('fails when one byte of the body, the secret or the header changes', () => {
    const header = zaloOaPayloads.signature(raw, secret);
    expect(verifyZaloOaSignature({ ...input, rawBody: Buffer.from(raw.replace('Chào', 'Chao')), header })).toBe(false);
    expect(verifyZaloOaSignature({ ...input, oaSecretKey: 'other', header })).toBe(false);
    expect(verifyZaloOaSignature({ ...input, header: undefined })).toBe(false);
    expect(verifyZaloOaSignature({ ...input, header: 'mac=' })).toBe(false);
  });
});
