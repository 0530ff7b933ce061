import type { OutboundMessage, Recipient } from '../../bot/core/outbound-message.js';
import type { ChannelSendError } from '../outbound/errors/channel-send.error.js';
import { TransientError } from '../outbound/errors/transient.error.js';
import type { Pacer } from '../outbound/pacer.js';
import type { SentPartsLog } from '../outbound/sent-parts.js';
import type { ChannelSender, SendOptions } from '../outbound/channel-sender.js';
import { numberedOptions, platformId, sendParts, sendPartsOptions } from './send-parts.js';
import { splitText } from './split-text.js';
import { ZaloBotApiError, ZaloBotClient, type ZaloBotClientOptions } from './zalo-bot.client.js';
import { classifyZaloBotError } from './zalo-bot.errors.js';

export const ZALO_BOT_TEXT_LIMIT = 2000;

export interface ZaloBotAdapterOptions extends ZaloBotClientOptions {
  sentParts: SentPartsLog;
  pacer?: Pacer;
  /** The channel account's slug (bot / OA of one ward): its pacing keys. Default `default`. */
  account?: string;
}

/**
 * Zalo Bot sender. The platform has no buttons, so options are rendered as a
 * numbered list under the text ("1. …\n2. …"); the conversation runner maps a
 * reply of "2" or the option's words back to the option. Plain text only:
 * `parse_mode` is unverified on Zalo (platforms.md §1.4).
 */
export class ZaloBotAdapter implements ChannelSender {
  readonly channel = 'zalo-bot' as const;
  readonly client: ZaloBotClient;

  constructor(private readonly options: ZaloBotAdapterOptions) {
    this.client = new ZaloBotClient(options);
  }

  async send(to: Recipient, message: OutboundMessage, options: SendOptions): Promise<{ platformMessageIds: string[] }> {
    const chatId = platformId('zalo-bot', to.chatId);
    return sendParts({
      channel: 'zalo-bot',
      chatId,
      parts: splitText(renderZaloBotText(message), ZALO_BOT_TEXT_LIMIT),
      ...sendPartsOptions(options),
      pacer: this.options.pacer,
      credential: this.options.account,
      sentParts: this.options.sentParts,
      sendOne: async (text) => {
        try {
          const result = await this.client.call<{ message_id: string | number }>('sendMessage', { chat_id: chatId, text });
          return String(result.message_id);
        } catch (error) {
          throw toSendError(error, 'sendMessage');
        }
      },
    });
  }
}

export function renderZaloBotText(message: OutboundMessage): string {
  const labels = (message.buttons ?? []).map((b) => b.label);
  return labels.length > 0 ? `${message.text}\n\n${numberedOptions(labels)}` : message.text;
}

function toSendError(error: unknown, method: string): ChannelSendError {
  if (error instanceof ZaloBotApiError) return classifyZaloBotError(error.errorCode, error.description, method, error.httpStatus);
  return new TransientError('zalo-bot', { method, description: error instanceof Error ? error.message : String(error), cause: error });
}
