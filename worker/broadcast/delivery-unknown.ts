import type { ChannelSendError } from '../outbound/errors/channel-send.error.js';

/** Failures that prove the request never reached the platform (nothing can have been delivered). */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause ?? (current as { error?: unknown }).error;
  }
  return codes;
}

/**
 * Whether a failed send may still have been delivered. A platform answer (any error code)
 * means it was not; a transient failure without one (timeout, connection reset mid-request)
 * leaves it unknown, unless the connection was never made.
 */
export function deliveryUnknown(error: ChannelSendError): boolean {
  if (error.kind !== 'transient' || error.platformCode !== undefined) return false;
  return !causeCodes(error).some((code) => NEVER_CONNECTED.has(code));
}
