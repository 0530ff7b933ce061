import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in time that depends on neither their content nor their
 * length: both sides are hashed first so `timingSafeEqual` always sees 32 bytes
 * (it throws on unequal lengths, and an early length check would leak the length).
 */
export function constantTimeEqual(received: string | Buffer | undefined, expected: string | Buffer): boolean {
  if (received === undefined) return false;
  const a = createHash('sha256').update(received).digest();
  const b = createHash('sha256').update(expected).digest();
  // The explicit length check is redundant for sha256 digests; it stays so an
  // empty expected secret can never match a missing header.
  return timingSafeEqual(a, b) && Buffer.byteLength(expected) > 0;
}

/** Digests of the webhook secrets in use (one per channel account): a secret is hashed once, not on every request. */
const secretDigests = new Map<string, Buffer>();
/** More than any deployment has accounts; past it the cache starts over rather than grow without bound. */
const MAX_CACHED_SECRETS = 20_000;

/**
 * `constantTimeEqual` against a long-lived secret (a webhook's secret token): the same
 * comparison, but the secret's digest is computed once per secret instead of per
 * request. Not for per-request values such as a MAC (they would only fill the cache).
 */
export function matchesSecret(received: string | undefined, secret: string): boolean {
  if (received === undefined) return false;
  let expected = secretDigests.get(secret);
  if (!expected) {
    if (secretDigests.size >= MAX_CACHED_SECRETS) secretDigests.clear();
    expected = createHash('sha256').update(secret).digest();
    secretDigests.set(secret, expected);
  }
  return timingSafeEqual(createHash('sha256').update(received).digest(), expected) && secret.length > 0;
}

/** Express gives `string | string[] | undefined` for a header; a repeated header is refused. */
export function singleHeader(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}
