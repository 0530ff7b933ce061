import type { Channel } from '../../core/inbound-event.js';

/**
 * Channels whose sender delivers an OutboundMessage's file itself: Telegram
 * (sendDocument / sendPhoto) and the console (shown on the page). Zalo Bot and Zalo OA
 * get a one-time link in the text instead.
 */
const SENDS_FILES: ReadonlySet<Channel> = new Set<Channel>(['telegram', 'console']);

export function channelSendsFiles(channel: Channel): boolean {
  return SENDS_FILES.has(channel);
}
