import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretBoxError } from './secret-box.error.js';

/**
 * Seals channel secrets for storage: AES-256-GCM with a random 96-bit nonce per
 * value; the stored text is `v1.<nonce>.<tag>.<ciphertext>` (base64url), so a
 * database dump shows no token. `aad` binds a sealed value to its row (the
 * account id): a sealed token copied to another account's row fails to open.
 */
export interface SecretBox {
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
}

const VERSION = 'v1';

/** Accepts the key as 64 hex characters or base64 / base64url of 32 bytes. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

/**
 * `keys[0]` seals; every key opens, so a key can be rotated: put the new key
 * first and the old one after it (`CHANNEL_SECRET_KEY=new,old`), re-seal
 * (`npm run accounts:reseal`), then drop the old key.
 */
export function createSecretBox(keys: Buffer | Buffer[]): SecretBox {
  const all = Array.isArray(keys) ? keys : [keys];
  if (all.length === 0 || all.some((key) => key.length !== 32)) throw new SecretBoxError('CHANNEL_SECRET_KEY must be 32 bytes (e.g. `openssl rand -hex 32`).');
  const key = all[0]!;
  return {
    seal(plaintext, aad) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, aad) {
      const [version, nonce, tag, body] = sealed.split('.');
      if (version !== VERSION || nonce === undefined || tag === undefined || body === undefined) {
        throw new SecretBoxError('a stored channel secret is not in the sealed form v1.<nonce>.<tag>.<data>');
      }
      let last: unknown;
      for (const candidate of all) {
        try {
          const decipher = createDecipheriv('aes-256-gcm', candidate, Buffer.from(nonce, 'base64url'));
          decipher.setAAD(Buffer.from(aad, 'utf8'));
          decipher.setAuthTag(Buffer.from(tag, 'base64url'));
          return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
        } catch (error) {
          last = error;
        }
      }
      throw new SecretBoxError(`a stored channel secret of ${aad} cannot be opened with CHANNEL_SECRET_KEY: wrong key, or the value was altered`, { cause: last });
    },
  };
}
