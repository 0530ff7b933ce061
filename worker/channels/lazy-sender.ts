import type { Channel } from '../../bot/core/inbound-event.js';
import type { ChannelSender } from '../outbound/channel-sender.js';

/**
 * A sender built on its first send. The webhooks role builds the channels too (for
 * their routes) but never sends: behind this, it never loads the sender's module and
 * library — for Telegram, grammY and its API client (≈ 17 MiB of RSS in a process
 * whose target is 120 MiB). Concurrent first sends share one build; a build that
 * failed is tried again on the next send.
 */
export function lazySender(channel: Channel, build: () => Promise<ChannelSender>): ChannelSender {
  let built: Promise<ChannelSender> | null = null;
  const sender = () => {
    if (!built) {
      const attempt = build();
      built = attempt;
      attempt.catch(() => {
        if (built === attempt) built = null;
      });
    }
    return built;
  };
  return {
    channel,
    async send(to, message, options) {
      return (await sender()).send(to, message, options);
    },
  };
}
