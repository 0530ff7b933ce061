import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKey } from '../../../runtime/accounts/secret-box.js';
import { SecretBoxError } from '../../../runtime/accounts/secret-box.error.js';
import { loadConfig } from '../../../runtime/config.js';

describe('secret box (AES-256-GCM for stored channel secrets)', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it('seals to text that shows nothing of the secret and opens it again', () => {
    const sealed = box.seal('123456:very-secret-token', 'telegram:ward-a');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('very-secret');
    expect(box.open(sealed, 'telegram:ward-a')).toBe('123456:very-secret-token');
    // A fresh nonce each time: the same secret never seals to the same text.
    expect(box.seal('123456:very-secret-token', 'telegram:ward-a')).not.toBe(sealed);
  });

  it('refuses a value moved to another account, altered, or opened with another key', () => {
    const sealed = box.seal('token', 'telegram:ward-a');
    expect(() => box.open(sealed, 'telegram:ward-b')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'telegram:ward-a')).toThrow(/wrong key, or the value was altered/);
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'telegram:ward-a')).toThrow(SecretBoxError);
    expect(() => box.open('plaintext', 'telegram:ward-a')).toThrow(/sealed form/);
  });

  it('rotates: the new key seals, the old one still opens', () => {
    const oldSealed = box.seal('token', 'x');
    const rotated = createSecretBox([randomBytes(32), key]);
    expect(rotated.open(oldSealed, 'x')).toBe('token');
    const resealed = rotated.seal('token', 'x');
    expect(() => box.open(resealed, 'x')).toThrow(SecretBoxError);
  });

  it('reads CHANNEL_SECRET_KEY as hex or base64, comma-separated while rotating, and names a bad one', () => {
    const hex = key.toString('hex');
    expect(parseSecretKey(hex)).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64url'))).toEqual(key);
    expect(parseSecretKey('too-short')).toBeNull();
    const other = randomBytes(32).toString('hex');
    expect(loadConfig({ CHANNEL_SECRET_KEY: `${other}, ${hex}` }).channels.secretKeys.map((k) => k.toString('hex'))).toEqual([other, hex]);
    expect(loadConfig({}).channels.secretKeys).toEqual([]);
    expect(() => loadConfig({ CHANNEL_SECRET_KEY: 'hunter2' })).toThrow(/CHANNEL_SECRET_KEY[\s\S]*openssl rand -hex 32/);
  });
});
