import type { Channel } from '../../bot/core/inbound-event.js';
import type { OutboundMessage, Recipient } from '../../bot/core/outbound-message.js';

export interface SendOptions {
  /** Stable per outbound row (`out-<id>`); adapters that support idempotency pass it on. */
  idempotencyKey: string;
  /**
   * Called right before each part's request leaves (after pacing), so a caller can
   * commit "this is on the wire" first; rejecting aborts the send before the request.
   * Broadcast lanes use it to keep the unknown-outcome window to the HTTP call itself.
   */
  beforeRequest?: (part: number) => Promise<void>;
  /**
   * The caller knows no earlier attempt of this key sent anything (the outbox row's
   * first take), so the ledger of acknowledged parts is not read. Default false.
   */
  firstAttempt?: boolean;
  /**
   * The caller records the last part's acknowledgement itself, in the statement that
   * marks the outbox row sent, so the ledger is not written for it (one statement
   * less per reply; the ledger still keeps earlier parts of a split message). Default false.
   */
  callerRecordsLastPart?: boolean;
  /**
   * Longest pacing wait this send may sleep (default: the pacer's `maxWaitMs`, 3 s). A
   * reply sent right after its turn passes 0: if it would have to wait, it goes to the
   * send queue instead of holding a turn slot asleep.
   */
  paceWaitLimitMs?: number;
}

export interface SendResult {
  /** Ids the platform gave the message(s) it accepted (one per chunk when text was split). */
  platformMessageIds: string[];
}

/**
 * Sends one message through one channel. Resolves only after the platform
 * acknowledged it; rejects with a ChannelSendError subclass (worker/outbound/errors)
 * that tells the send worker what to do next.
 */
export interface ChannelSender {
  readonly channel: Channel;
  send(to: Recipient, message: OutboundMessage, options: SendOptions): Promise<SendResult>;
  /** False when the recipient's channel account is unknown or disabled (worker/channels/account-senders.ts); absent = always. */
  canSend?(to: Recipient): boolean;
}

export class UnknownChannelError extends Error {
  override readonly name = 'UnknownChannelError';
  /** `detail`: a channel account that is unknown or disabled (multi-account deployments). */
  constructor(channel: string, detail?: string) {
    super(detail ?? `No sender is registered for channel "${channel}". Set that channel's credentials (see .env.example) or stop routing messages to it.`);
  }
}

export type SenderRegistry = ReadonlyMap<Channel, ChannelSender>;

export function createSenderRegistry(senders: ChannelSender[]): SenderRegistry {
  return new Map(senders.map((sender) => [sender.channel, sender]));
}
