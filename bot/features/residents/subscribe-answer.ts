import { unitNames } from './event-format.js';
import type { PlaceAnswerer } from './place-flow.js';
import { newContext } from './resident-context.js';
import { reply } from './resident-turn.js';

export const DEFAULT_TOPICS = ['events', 'recognitions'] as const;

/** Topics named in the request ("tin công nhận", "lịch ngày hội"); both when none is named. */
export function topicsFromText(foldedText: string): string[] {
  const recognitions = /\b(cong nhan|khen thuong|tuyen duong|bieu duong|mo hinh)\b/.test(foldedText);
  const events = /\b(su kien|ngay hoi|hoi thi|lich|nhac)\b/.test(foldedText);
  if (recognitions && !events) return ['recognitions'];
  if (events && !recognitions) return ['events'];
  return [...DEFAULT_TOPICS];
}

/**
 * Subscribes to the units' notices. Asking for it is the consent; the repository records
 * when and on which channel. An old ward is subscribed through its successors (the merger
 * note says so), and "hủy nhận tin" is named in the very first confirmation.
 */
export const answerSubscribe: PlaceAnswerer = async ({ turn, kit, store, target, pending }) => {
  const topics = pending.topics && pending.topics.length > 0 ? pending.topics : [...DEFAULT_TOPICS];
  await store.subscribers.subscribe({
    userId: turn.user.userId,
    unitIds: target.units.map((u) => u.id),
    topics,
    at: turn.now,
    channel: turn.event.channel,
    locale: turn.user.locale,
    displayName: turn.user.displayName,
  });
  const text = [
    ...target.notes,
    kit.t('res-subscribed', { units: unitNames(kit, target.units), topics: topics.length > 1 ? 'all' : topics[0]! }),
  ].join('\n');
  const context = newContext(turn.now, { unitIds: target.units.map((u) => u.id) });
  return reply(turn, [{ text }], context);
};
