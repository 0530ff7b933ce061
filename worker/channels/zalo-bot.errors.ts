import { AuthExpiredError } from '../outbound/errors/auth-expired.error.js';
import { BadRequestError } from '../outbound/errors/bad-request.error.js';
import type { ChannelSendError } from '../outbound/errors/channel-send.error.js';
import { RateLimitedError } from '../outbound/errors/rate-limited.error.js';
import { TransientError } from '../outbound/errors/transient.error.js';

/**
 * Zalo Bot `error_code` → taxonomy (platforms.md §1.3). The docs' codes are
 * HTTP-like: 401 token, 408 timeout, 429 quota (no wait hint). 403 is documented
 * as "internal server error" (sic), so it is transient rather than "blocked". No
 * code says "user blocked the bot"; unknown codes are bad_request, logged verbatim.
 */
export function classifyZaloBotError(
  errorCode: number,
  description: string,
  method: string,
  httpStatus?: number,
): ChannelSendError {
  const options = { method, description, platformCode: errorCode };
  if (errorCode === 429) return new RateLimitedError('zalo-bot', options);
  if (errorCode === 401) return new AuthExpiredError('zalo-bot', options);
  if (errorCode === 403 || errorCode === 408 || errorCode >= 500) return new TransientError('zalo-bot', options);
  if (errorCode === 0 && httpStatus !== undefined && httpStatus >= 500) return new TransientError('zalo-bot', options);
  return new BadRequestError('zalo-bot', options);
}
