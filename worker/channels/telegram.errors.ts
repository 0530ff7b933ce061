import { GrammyError, HttpError } from 'grammy';
import { AuthExpiredError } from '../outbound/errors/auth-expired.error.js';
import { BadRequestError } from '../outbound/errors/bad-request.error.js';
import type { ChannelSendError } from '../outbound/errors/channel-send.error.js';
import { RateLimitedError } from '../outbound/errors/rate-limited.error.js';
import { RecipientUnreachableError, type UnreachableReason } from '../outbound/errors/recipient-unreachable.error.js';
import { TransientError } from '../outbound/errors/transient.error.js';

/**
 * Telegram failure → taxonomy (platforms.md §3.4): 429 + `retry_after` (seconds);
 * 403 family = the user blocked/deleted/never started the bot; 400 "chat not
 * found" is also unreachable; 401 = token; ≥500 and network errors = transient.
 */
export function classifyTelegramError(error: unknown, method: string): ChannelSendError {
  if (error instanceof GrammyError) {
    const options = { method, description: error.description, platformCode: error.error_code, cause: error };
    const code = error.error_code;
    if (code === 429) {
      const seconds = error.parameters.retry_after;
      return new RateLimitedError('telegram', {
        ...options,
        retryAfterMs: typeof seconds === 'number' ? seconds * 1000 : undefined,
      });
    }
    if (code === 403) return new RecipientUnreachableError('telegram', { ...options, reason: unreachableReason(error.description) });
    if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(error.description)) {
      return new RecipientUnreachableError('telegram', { ...options, reason: 'not_found' });
    }
    if (code === 401 || code === 404) return new AuthExpiredError('telegram', options);
    if (code >= 500) return new TransientError('telegram', options);
    return new BadRequestError('telegram', options);
  }
  if (error instanceof HttpError) {
    return new TransientError('telegram', { method, description: error.message, cause: error });
  }
  return new TransientError('telegram', {
    method,
    description: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

function unreachableReason(description: string): UnreachableReason {
  if (/deactivated/i.test(description)) return 'deactivated';
  // "Forbidden: bot was kicked from the group chat" / "…supergroup chat" / "bot is not a member of the channel chat"
  if (/kicked from the|not a member of the/i.test(description)) return 'kicked';
  if (/can't initiate|not found/i.test(description)) return 'not_found';
  return 'blocked';
}
