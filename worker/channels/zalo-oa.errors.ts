import { AuthExpiredError } from '../outbound/errors/auth-expired.error.js';
import { BadRequestError } from '../outbound/errors/bad-request.error.js';
import type { ChannelSendError } from '../outbound/errors/channel-send.error.js';
import { RateLimitedError } from '../outbound/errors/rate-limited.error.js';
import { RecipientUnreachableError, type UnreachableReason } from '../outbound/errors/recipient-unreachable.error.js';
import { TransientError } from '../outbound/errors/transient.error.js';

/** Zalo OA negative `error` codes (platforms.md §2.7, Chatwoot's RETRYABLE/WINDOW sets). */
const UNREACHABLE: Record<number, UnreachableReason> = {
  [-213]: 'unfollowed',
  [-217]: 'blocked',
  [-227]: 'deactivated',
  [-230]: 'outside_window',
  [-232]: 'outside_window',
  [-244]: 'blocked',
};

/**
 * -211/-218 (quota) are reported as rate_limited: the quota refills, and sending
 * less is preferred to failing. -234 (promotion at night) also waits.
 * -219/-221/-223/-224 (app or OA not authorised) are configuration errors → bad_request.
 */
export function classifyZaloOaError(code: number, description: string, method: string): ChannelSendError {
  const options = { method, description, platformCode: code };
  // -32 and -211 are about the whole app/OA; -218 (this user's receive limit) and -234 are about one chat.
  if (code === -32 || code === -211) return new RateLimitedError('zalo-oa', { ...options, scope: 'credential' });
  if (code === -218 || code === -234) return new RateLimitedError('zalo-oa', options);
  if (code === -216 || code === -220 || code === -124) return new AuthExpiredError('zalo-oa', options);
  const reason = UNREACHABLE[code];
  if (reason) return new RecipientUnreachableError('zalo-oa', { ...options, reason });
  if (code === -100) return new TransientError('zalo-oa', options);
  return new BadRequestError('zalo-oa', options);
}

/** HTTP-level failure before any Zalo envelope (proxy 5xx, 429 from a gateway, network). */
export function classifyZaloOaHttp(status: number, description: string, method: string): ChannelSendError {
  const options = { method, description, platformCode: status };
  if (status === 429) return new RateLimitedError('zalo-oa', options);
  if (status === 401) return new AuthExpiredError('zalo-oa', options);
  if (status >= 500 || status === 408) return new TransientError('zalo-oa', options);
  return new BadRequestError('zalo-oa', options);
}
