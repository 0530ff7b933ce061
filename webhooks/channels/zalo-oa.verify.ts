import { createHash } from 'node:crypto';
import { constantTimeEqual, singleHeader } from './constant-time.js';

/** Zalo OA signs every webhook POST with this header: `mac=<lowercase hex sha256>`. */
export const ZALO_OA_SIGNATURE_HEADER = 'x-zevent-signature';

export interface ZaloOaSignatureInput {
  /** The exact bytes received; re-serialised JSON would hash differently. */
  rawBody: Buffer;
  header: string | string[] | undefined;
  /** `app_id` and `timestamp` as they appear in the body (strings; see parseJsonKeepingBigIntegers). */
  appId: string;
  timestamp: string;
  /** The OA secret key from the app's webhook settings (not the app secret). */
  oaSecretKey: string;
}

/**
 * The MAC Zalo documents: SHA-256 over app_id + raw body + timestamp + OA secret
 * key, hex (plain hash of the concatenation, not an HMAC — platforms.md §2.2).
 */
export function zaloOaMac(input: Omit<ZaloOaSignatureInput, 'header'>): string {
  return createHash('sha256')
    .update(input.appId)
    .update(input.rawBody)
    .update(input.timestamp)
    .update(input.oaSecretKey)
    .digest('hex');
}

export function verifyZaloOaSignature(input: ZaloOaSignatureInput): boolean {
  const header = singleHeader(input.header)?.trim();
  if (!header || input.oaSecretKey.length === 0) return false;
  // Chatwoot strips the prefix, the older job compares with it: accept both spellings.
  const received = header.startsWith('mac=') ? header.slice(4) : header;
  return constantTimeEqual(received.toLowerCase(), zaloOaMac(input));
}
