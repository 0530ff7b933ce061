import type { Counter } from 'prom-client';
import type { ChannelSender } from './channel-sender.js';
import { isChannelSendError } from './errors/channel-send.error.js';

/**
 * Counts every send attempt by channel and outcome (`sent`, or the error kind the
 * adapter classified: rate_limited, recipient_unreachable, auth_expired, bad_request,
 * transient; `error` for anything unclassified) without touching the adapters.
 */
export function countingSender(sender: ChannelSender, sends: Counter<'channel' | 'outcome'>): ChannelSender {
  return {
    channel: sender.channel,
    ...(sender.canSend ? { canSend: sender.canSend.bind(sender) } : {}),
    async send(to, message, options) {
      try {
        const result = await sender.send(to, message, options);
        sends.inc({ channel: sender.channel, outcome: 'sent' });
        return result;
      } catch (error) {
        sends.inc({ channel: sender.channel, outcome: isChannelSendError(error) ? error.kind : 'error' });
        throw error;
      }
    },
  };
}
