import { DEFAULT_ACCOUNT, accountOfUserId, type AccountChannel } from '../../bot/core/channel-account.js';
import type { OutboundMessage, Recipient } from '../../bot/core/outbound-message.js';
import type { AccountDirectory } from '../../runtime/accounts/account-directory.js';
import type { ChannelAccount } from '../../runtime/accounts/channel-account.js';
import { UnknownChannelError, type ChannelSender, type SendOptions, type SendResult } from '../outbound/channel-sender.js';

export interface AccountSendersOptions {
  directory: AccountDirectory;
  /** The environment's adapters, one per configured channel (runtime/channels.ts builds them as before). */
  defaults: ChannelSender[];
  /** Builds the adapter of a stored account (its token, its pacing keys, its OA token lock). */
  build: (account: ChannelAccount) => ChannelSender;
}

const CHANNELS: AccountChannel[] = ['telegram', 'zalo-bot', 'zalo-oa'];

/**
 * One sender per platform that sends through the account the recipient wrote to:
 * the account slug is part of the recipient's user id (bot/core/channel-account.ts),
 * so a reply, a notification, a reminder or a broadcast row all leave through the
 * right ward's bot or OA without another column. Adapters of stored accounts are
 * built on first use and rebuilt when the account row changes; an unknown or
 * disabled account sends nothing (UnknownChannelError: the outbox row fails, a
 * broadcast row is skipped as no_sender).
 */
export function createAccountSenders(options: AccountSendersOptions): ChannelSender[] {
  const defaults = new Map(options.defaults.map((sender) => [sender.channel, sender]));
  const built = new Map<string, { stamp: number; sender: ChannelSender }>();

  function resolve(channel: AccountChannel, to: Recipient): ChannelSender | string {
    const slug = accountOfUserId(to.userId);
    if (slug === DEFAULT_ACCOUNT) return defaults.get(channel) ?? `No sender is registered for channel "${channel}". Set that channel's credentials (see .env.example) or stop routing messages to it.`;
    const account = options.directory.get(channel, slug);
    if (!account) return `channel account ${channel}:${slug} does not exist (any more): nothing is sent to ${to.userId}`;
    if (account.status !== 'active') return `channel account ${channel}:${slug} is disabled: nothing is sent through it until it is enabled again`;
    const cached = built.get(account.id);
    if (cached && cached.stamp === account.stamp) return cached.sender;
    const sender = options.build(account);
    built.set(account.id, { stamp: account.stamp, sender });
    return sender;
  }

  return CHANNELS.map((channel) => ({
    channel,
    canSend(to: Recipient): boolean {
      return typeof resolve(channel, to) !== 'string';
    },
    async send(to: Recipient, message: OutboundMessage, sendOptions: SendOptions): Promise<SendResult> {
      const sender = resolve(channel, to);
      if (typeof sender === 'string') throw new UnknownChannelError(channel, sender);
      return sender.send(to, message, sendOptions);
    },
  }));
}
