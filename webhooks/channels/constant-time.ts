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

/** Express gives `string | string[] | undefined` for a header; a repeated header is refused. */
export function singleHeader(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}
