import { createHash } from 'node:crypto';
import type { Channel } from '../../bot/core/inbound-event.js';

const CHANNEL_PREFIX: Record<Channel, string> = {
  console: 'con',
  telegram: 'tg',
  'zalo-bot': 'zbot',
  'zalo-oa': 'zoa',
};

/**
 * The deterministic BullMQ job id of an inbound update: the same platform update
 * always maps to the same id, so redeliveries collapse into one job.
 * BullMQ throws on ids with ":" (outside its own 3-part form) and on purely
 * numeric ids (peers.md §0.6), hence `tg-123`, never `tg:123` or `123`.
 */
export function inboundJobId(channel: Channel, eventId: string): string {
  const safe = eventId.replace(/[^A-Za-z0-9_.-]/g, '_');
  const body = safe.length <= 100 ? safe : createHash('sha256').update(eventId).digest('hex');
  return `${CHANNEL_PREFIX[channel]}-${body}`;
}
