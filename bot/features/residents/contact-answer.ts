import { unitName } from './event-format.js';
import type { PlaceAnswerArgs, PlaceAnswerer } from './place-flow.js';
import { entryForUnit, localized } from './public-info-lookup.js';
import { newContext } from './resident-context.js';
import { capitalize, reply, todayOf } from './resident-turn.js';

/** The ward office's configured contact: office, hours, official channel — never a person's phone. */
async function contactLines(args: PlaceAnswerArgs, introKey: string): Promise<string[]> {
  const { turn, kit, store, target } = args;
  const tree = await store.places.tree();
  const entries = await store.info.list('office_contact');
  const lines = [...target.notes, kit.t(introKey)];
  for (const unit of target.units) {
    const entry = entryForUnit(entries, tree, unit.id, todayOf(turn), false);
    const name = unitName(kit, unit);
    if (!entry) {
      lines.push(kit.t('res-contact-not-configured', { unit: name }));
      continue;
    }
    const field = (f: string) => localized(entry, turn.user.locale, f) ?? '';
    lines.push(kit.t('res-contact', { unit: capitalize(name), office: field('office'), hours: field('hours'), channel: field('channel') }));
    if (entry.demo) lines.push(kit.t('res-demo-data'));
  }
  return lines;
}

export const answerHandoff: PlaceAnswerer = async (args) =>
  reply(args.turn, [{ text: (await contactLines(args, 'res-handoff-intro')).join('\n') }], newContext(args.turn.now, { unitIds: args.target.units.map((u) => u.id) }));

export const answerOutOfScope: PlaceAnswerer = async (args) =>
  reply(args.turn, [{ text: (await contactLines(args, 'res-out-of-scope-intro')).join('\n') }], newContext(args.turn.now, { unitIds: args.target.units.map((u) => u.id) }));
