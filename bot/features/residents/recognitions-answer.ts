import { unitName } from './event-format.js';
import type { PlaceAnswerer } from './place-flow.js';
import { newContext } from './resident-context.js';
import { capitalize, reply, todayOf } from './resident-turn.js';

const LIST_LIMIT = 5;

/** The public list: recognised models only (never drafts or files under review), newest first. */
export const answerRecognitions: PlaceAnswerer = async ({ turn, kit, store, target }) => {
  const lines = [...target.notes];
  for (const unit of target.units) {
    const { items, total } = await store.recognitions.listUnder([unit.id], todayOf(turn), LIST_LIMIT);
    if (items.length === 0) {
      lines.push(kit.t('res-recognitions-none', { unit: capitalize(unitName(kit, unit)) }));
      continue;
    }
    lines.push(kit.t('res-recognitions-header', { unit: unitName(kit, unit), total }));
    for (const item of items) {
      lines.push(kit.t('res-recognition-line', { title: item.title, year: String(item.year), subject: item.subjectName, tier: item.tierLabel ?? '', hasTier: item.tierLabel ? 'yes' : 'no' }));
    }
    if (total > items.length) lines.push(kit.t('res-recognitions-more', { count: total - items.length }));
  }
  return reply(turn, [{ text: lines.join('\n') }], newContext(turn.now, { unitIds: target.units.map((u) => u.id) }));
};
