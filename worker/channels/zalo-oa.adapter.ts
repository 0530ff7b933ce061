import { systemClock, type Clock } from '../../bot/core/clock.js';
import type { OutboundMessage, Recipient } from '../../bot/core/outbound-message.js';
import { BadRequestError } from '../outbound/errors/bad-request.error.js';
import { isChannelSendError, type ChannelSendError } from '../outbound/errors/channel-send.error.js';
import { RecipientUnreachableError } from '../outbound/errors/recipient-unreachable.error.js';
import { TransientError } from '../outbound/errors/transient.error.js';
import type { Pacer } from '../outbound/pacer.js';
import type { SentPartsLog } from '../outbound/sent-parts.js';
import type { ChannelSender, SendOptions } from '../outbound/channel-sender.js';
import { numberedOptions, platformId, sendParts, sendPartsOptions } from './send-parts.js';
import { splitText } from './split-text.js';
import type { ZaloOaInteractionLog } from './zalo-oa-interactions.js';
import { classifyZaloOaError, classifyZaloOaHttp } from './zalo-oa.errors.js';
import { ZaloOaRefreshError, type ZaloOaTokenManager } from './zalo-oa-token.js';

export const ZALO_OA_TEXT_LIMIT = 2000;
export const ZALO_OA_MAX_BUTTONS = 5;
const BUTTON_TITLE_MAX = 100;
const CS_PATH = '/v3.0/oa/message/cs';

/**
 * What to do when the user last wrote more than `freeWindowMs` ago:
 * - `record`: do not send; fail as recipient_unreachable/outside_window;
 * - `paid-consultation`: still send a consultation message while inside the
 *   7-day limit (charged to the OA's quota), record beyond it.
 */
export type ZaloOaOutsideWindowRoute = 'record' | 'paid-consultation';

export interface ZaloOaAdapterOptions {
  /** Default `https://openapi.zalo.me` (ZALO_OA_API_ROOT). */
  apiRoot?: string;
  tokens: ZaloOaTokenManager;
  interactions: ZaloOaInteractionLog;
  sentParts: SentPartsLog;
  pacer?: Pacer;
  /** The channel account's slug (bot / OA of one ward): its pacing keys. Default `default`. */
  account?: string;
  /** Free replies after the user's last interaction. Default 48 h. */
  freeWindowMs?: number;
  /** Hard limit of consultation messages (Zalo answers -230 after it). Default 7 days. */
  consultationWindowMs?: number;
  /** Default `record`. */
  outsideWindow?: ZaloOaOutsideWindowRoute;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Per-request timeout of a send (SEND_TIMEOUT_SECONDS). Default 20 s. */
  timeoutMs?: number;
}

interface OaPart {
  text: string;
  buttons?: { title: string; type: 'oa.query.show'; payload: string }[];
}

/**
 * Zalo OA consultation ("tin tư vấn") sender. Buttons are `oa.query.show`, whose
 * payload the user visibly sends back as ordinary text; the payload is the
 * button's label, so what appears in the chat reads naturally and the
 * conversation runner matches it to the option by its words.
 */
export class ZaloOaAdapter implements ChannelSender {
  readonly channel = 'zalo-oa' as const;
  private readonly root: string;
  private readonly clock: Clock;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ZaloOaAdapterOptions) {
    this.root = (options.apiRoot ?? 'https://openapi.zalo.me').replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async send(to: Recipient, message: OutboundMessage, options: SendOptions): Promise<{ platformMessageIds: string[] }> {
    const userId = platformId('zalo-oa', to.chatId);
    await this.checkWindow(userId);
    return sendParts({
      channel: 'zalo-oa',
      chatId: userId,
      parts: renderZaloOaParts(message),
      ...sendPartsOptions(options),
      pacer: this.options.pacer,
      credential: this.options.account,
      sentParts: this.options.sentParts,
      sendOne: (part) => this.sendWithRefresh(userId, part),
    });
  }

  private async checkWindow(userId: string): Promise<void> {
    const last = await this.options.interactions.lastInteractionAt(userId);
    const age = last === null ? Number.POSITIVE_INFINITY : this.clock.now().getTime() - last.getTime();
    const free = this.options.freeWindowMs ?? 48 * 3600_000;
    const hard = this.options.consultationWindowMs ?? 7 * 24 * 3600_000;
    if (age <= free) return;
    if ((this.options.outsideWindow ?? 'record') === 'paid-consultation' && age <= hard) return;
    throw new RecipientUnreachableError('zalo-oa', {
      method: 'window-check',
      description:
        last === null
          ? `no interaction from user ${userId} is on record`
          : `user ${userId} last wrote ${Math.round(age / 3600_000)} h ago, outside the ${Math.round(free / 3600_000)} h reply window`,
      reason: 'outside_window',
    });
  }

  /** A refused token is refreshed (once, under the shared lock) and the part is retried once. */
  private async sendWithRefresh(userId: string, part: OaPart): Promise<string> {
    const token = await this.accessToken();
    try {
      return await this.postCs(token, userId, part);
    } catch (error) {
      if (!isChannelSendError(error) || error.kind !== 'auth_expired') throw error;
      let fresh: string;
      try {
        fresh = (await this.options.tokens.refresh(token)).accessToken;
      } catch (refreshError) {
        throw refreshFailure(refreshError);
      }
      return this.postCs(fresh, userId, part);
    }
  }

  private async accessToken(): Promise<string> {
    try {
      return await this.options.tokens.getAccessToken();
    } catch (error) {
      throw refreshFailure(error);
    }
  }

  private async postCs(accessToken: string, userId: string, part: OaPart): Promise<string> {
    const message: Record<string, unknown> = { text: part.text };
    if (part.buttons && part.buttons.length > 0) {
      message.attachment = { type: 'template', payload: { buttons: part.buttons } };
    }
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.root}${CS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: accessToken },
        body: JSON.stringify({ recipient: { user_id: userId }, message }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new TransientError('zalo-oa', { method: CS_PATH, description: error instanceof Error ? error.message : String(error), cause: error });
    }
    const text = await response.text().catch(() => '');
    let body: { error?: number; message?: string; data?: { message_id?: string | number } } | undefined;
    try {
      body = text ? (JSON.parse(text) as typeof body) : undefined;
    } catch {
      body = undefined;
    }
    if (typeof body?.error === 'number' && body.error !== 0) {
      throw classifyZaloOaError(body.error, body.message ?? 'no description', CS_PATH);
    }
    if (!response.ok || body?.error !== 0) {
      throw classifyZaloOaHttp(response.status, body?.message ?? (text.slice(0, 200) || response.statusText), CS_PATH);
    }
    return String(body.data?.message_id ?? '');
  }
}

function refreshFailure(error: unknown): ChannelSendError {
  if (isChannelSendError(error)) return error;
  const description = error instanceof Error ? error.message : String(error);
  // A spent/revoked refresh token needs a human (re-authorise the OA): retrying
  // cannot help, so it fails like a bad request, logged with Zalo's words.
  if (error instanceof ZaloOaRefreshError && error.permanent) {
    return new BadRequestError('zalo-oa', { method: 'oauth/refresh', description, cause: error });
  }
  return new TransientError('zalo-oa', { method: 'oauth/refresh', description, cause: error });
}

export function renderZaloOaParts(message: OutboundMessage): OaPart[] {
  const buttons = message.buttons ?? [];
  const asButtons = buttons.length > 0 && buttons.length <= ZALO_OA_MAX_BUTTONS;
  const text = buttons.length > ZALO_OA_MAX_BUTTONS ? `${message.text}\n\n${numberedOptions(buttons.map((b) => b.label))}` : message.text;
  const parts: OaPart[] = splitText(text, ZALO_OA_TEXT_LIMIT).map((t) => ({ text: t }));
  const last = parts.at(-1);
  if (asButtons && last) {
    last.buttons = buttons.map((b) => ({ title: b.label.slice(0, BUTTON_TITLE_MAX), type: 'oa.query.show' as const, payload: b.label.slice(0, 1000) }));
  }
  return parts;
}
