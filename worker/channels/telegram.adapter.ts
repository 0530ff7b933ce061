import { autoRetry } from '@grammyjs/auto-retry';
import { Api, InputFile } from 'grammy';
import type { OutboundButton, OutboundMessage, Recipient } from '../../bot/core/outbound-message.js';
import type { Pacer } from '../outbound/pacer.js';
import type { SentPartsLog } from '../outbound/sent-parts.js';
import type { ChannelSender, SendOptions } from '../outbound/channel-sender.js';
import { platformId, sendParts, sendPartsOptions } from './send-parts.js';
import { splitText } from './split-text.js';
import { classifyTelegramError } from './telegram.errors.js';
import { inlineKeyboard, TELEGRAM_TEXT_LIMIT } from './telegram-keyboard.js';

export { inlineKeyboard, TELEGRAM_CALLBACK_DATA_MAX_BYTES, TELEGRAM_TEXT_LIMIT } from './telegram-keyboard.js';

export interface TelegramAdapterOptions {
  token: string;
  /** Default `https://api.telegram.org` (TELEGRAM_API_ROOT). */
  apiRoot?: string;
  sentParts: SentPartsLog;
  pacer?: Pacer;
  /** The channel account's slug (bot / OA of one ward): its pacing keys. Default `default`. */
  account?: string;
  /**
   * Short 429 waits are absorbed in-process by @grammyjs/auto-retry; longer ones
   * surface as rate_limited so the queue waits instead of a blocked worker. Default 5 s.
   */
  maxInlineRetryAfterSeconds?: number;
  /** Request timeout. Default 20 s (grammY's default of 500 s is meant for long polling). */
  timeoutSeconds?: number;
  /** Reads a message's file (exports, charts) by id; without it, files are not sent. */
  readFile?: (fileId: string) => Promise<{ filename: string; bytes: Buffer } | null>;
}

/**
 * Telegram sender on grammY's `Api` (no `Bot`: inbound never goes through grammY
 * middleware here, the webhook route and poller feed the queue directly).
 */
export class TelegramAdapter implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly api: Api;

  constructor(private readonly options: TelegramAdapterOptions) {
    this.api = new Api(options.token, {
      apiRoot: options.apiRoot ?? 'https://api.telegram.org',
      timeoutSeconds: options.timeoutSeconds ?? 20,
    });
    this.api.config.use(
      autoRetry({
        maxDelaySeconds: options.maxInlineRetryAfterSeconds ?? 5,
        maxRetryAttempts: 2,
        // Retries of 5xx / network errors go through the queue's backoff, where
        // they are visible and bounded, not through an in-process loop.
        rethrowInternalServerErrors: true,
        rethrowHttpErrors: true,
      }),
    );
  }

  async send(to: Recipient, message: OutboundMessage, options: SendOptions): Promise<{ platformMessageIds: string[] }> {
    const chatId = platformId('telegram', to.chatId);
    const buttons = message.buttons ?? [];
    const parts = splitText(message.text, TELEGRAM_TEXT_LIMIT);
    if (parts.length === 0) parts.push(buttons.length > 0 ? '…' : '');
    const textParts = parts.length;
    // A file (export, chart) goes after the text as its own part, so a retry after a
    // partial send resends neither the text nor the file (send-parts log).
    const file = message.file && this.options.readFile ? await this.options.readFile(message.file.fileId) : null;
    if (file && message.file) parts.push(`[${message.file.kind}] ${file.filename}`);
    return sendParts({
      channel: 'telegram',
      chatId,
      parts,
      ...sendPartsOptions(options),
      pacer: this.options.pacer,
      credential: this.options.account,
      sentParts: this.options.sentParts,
      sendOne: async (text, index) => {
        if (index >= textParts && file && message.file) {
          const method = message.file.kind === 'image' ? 'sendPhoto' : 'sendDocument';
          try {
            const upload = new InputFile(file.bytes, file.filename);
            const sent = method === 'sendPhoto' ? await this.api.sendPhoto(chatId, upload) : await this.api.sendDocument(chatId, upload);
            return String(sent.message_id);
          } catch (error) {
            throw classifyTelegramError(error, method);
          }
        }
        const isLast = index === textParts - 1;
        try {
          const sent = await this.api.sendMessage(
            chatId,
            text,
            isLast && buttons.length > 0 ? { reply_markup: { inline_keyboard: inlineKeyboard(buttons) } } : {},
          );
          return String(sent.message_id);
        } catch (error) {
          throw classifyTelegramError(error, 'sendMessage');
        }
      },
    });
  }

  /** Stops the client's spinner after a button press (polling mode; webhooks answer in the response body). */
  async answerCallbackQuery(callbackQueryId: string): Promise<void> {
    try {
      await this.api.answerCallbackQuery(callbackQueryId);
    } catch (error) {
      throw classifyTelegramError(error, 'answerCallbackQuery');
    }
  }
}
