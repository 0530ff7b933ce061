import type { Channel } from '../../../bot/core/inbound-event.js';

/**
 * The five ways a platform can refuse a send. Every channel adapter turns its
 * platform's error into exactly one of these, and the send worker maps each kind
 * to one queue action (see `send-error-action.ts`), so retry policy lives in one
 * place instead of in three adapters.
 */
export const CHANNEL_SEND_ERROR_KINDS = [
  'rate_limited',
  'recipient_unreachable',
  'auth_expired',
  'bad_request',
  'transient',
] as const;
export type ChannelSendErrorKind = (typeof CHANNEL_SEND_ERROR_KINDS)[number];

export interface ChannelSendErrorOptions {
  /** Platform API method that failed (`sendMessage`, `/v3.0/oa/message/cs`, …). */
  method: string;
  /** The platform's own words (Telegram `description`, Zalo `message`), kept verbatim for the log. */
  description: string;
  /** The platform's numeric code (HTTP-style for Telegram/Zalo Bot, negative for Zalo OA). */
  platformCode?: number;
  /** How long the platform asked us to wait, when it said so. */
  retryAfterMs?: number;
  cause?: unknown;
}

export abstract class ChannelSendError extends Error {
  abstract readonly kind: ChannelSendErrorKind;
  readonly method: string;
  readonly description: string;
  readonly platformCode: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly channel: Channel,
    options: ChannelSendErrorOptions,
    hint: string,
  ) {
    super(
      `${channel} ${options.method} failed${options.platformCode === undefined ? '' : ` (${options.platformCode})`}: ${options.description} — ${hint}`,
      { cause: options.cause },
    );
    this.method = options.method;
    this.description = options.description;
    this.platformCode = options.platformCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isChannelSendError(error: unknown): error is ChannelSendError {
  return error instanceof ChannelSendError;
}
