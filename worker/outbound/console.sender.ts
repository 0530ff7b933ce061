import type { ChannelSender } from './channel-sender.js';

/**
 * The local console has no platform: the console page reads sent rows from
 * `outbound_message`. "Sending" is therefore an immediate acknowledgement, and the
 * row becomes visible to `GET /console/api/messages` when it is marked sent.
 */
export function createConsoleSender(): ChannelSender {
  return {
    channel: 'console',
    async send() {
      return { platformMessageIds: [] };
    },
  };
}
