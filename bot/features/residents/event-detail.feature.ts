import type { Feature, Turn } from '../../conversation/turn.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { FeatureDeps } from '../feature-deps.js';
import { formatWhen, unitName } from './event-format.js';
import { detailAspect, isBareDetailQuestion, type DetailAspect } from './follow-up-aspect.js';
import { entryForUnit, localized } from './public-info-lookup.js';
import { newContext } from './resident-context.js';
import type { EventView, ResidentStore } from './resident-services.js';
import { CHOICE, choiceValue, contextOf, folded, reply, residentKit, residentStore, slotString, todayOf, understandTurn } from './resident-turn.js';

const OFFER_LIMIT = 3;
/** Button labels stay short enough for every channel. */
const shorten = (label: string) => (label.length > 60 ? `${label.slice(0, 59)}…` : label);

async function detailLines(kit: ReplyKit, turn: Turn, store: ResidentStore, event: EventView, aspect: DetailAspect): Promise<string[]> {
  const lines = [kit.t('res-detail-about', { title: event.title })];
  const want = (a: DetailAspect) => aspect === a || aspect === 'all';
  if (want('time')) lines.push(kit.t('res-detail-time', { when: formatWhen(event), status: event.status }));
  if (want('venue')) lines.push(event.venue || event.address ? kit.t('res-detail-venue', { venue: [event.venue, event.address].filter(Boolean).join(', ') }) : kit.t('res-detail-venue-unknown'));
  if (want('audience') || want('registration')) lines.push(kit.t('res-detail-audience', { audience: event.audience }));
  if (want('registration')) lines.push(kit.t('res-detail-registration-unknown'));
  if (aspect === 'parking') lines.push(kit.t('res-detail-parking-unknown'));
  if (aspect === 'parking' || aspect === 'registration') {
    // What is not stored is asked of the organiser: name them, and the office contact if configured.
    const tree = await store.places.tree();
    const organizer = event.organizerUnitId ? tree.get(event.organizerUnitId) : undefined;
    if (organizer) lines.push(kit.t('res-detail-ask-organizer', { organizer: unitName(kit, organizer) }));
    const contact = entryForUnit(await store.info.list('office_contact'), tree, event.hostUnitId, todayOf(turn), false);
    if (contact) lines.push(kit.t('res-detail-contact', { office: localized(contact, turn.user.locale, 'office') ?? '', hours: localized(contact, turn.user.locale, 'hours') ?? '' }));
  }
  return lines;
}

/**
 * Follow-ups about the event in view: "ở đâu", "mấy giờ", "có cần đăng ký không", "gửi xe
 * ở đâu". Several events in view, or none, → ask which one, offering upcoming ones.
 */
export function createEventDetailFeature(deps: FeatureDeps): Feature {
  return {
    name: 'residents-event-detail',
    async handle(turn) {
      const store = residentStore(turn);
      if (!store) return null;
      const kit = residentKit(deps, turn);
      const context = contextOf(turn);
      const chosen = choiceValue(turn, CHOICE.event);
      if (chosen !== null) {
        const event = await store.events.get(chosen);
        if (!event) return null;
        const aspect = (context?.pending?.aspect as DetailAspect | undefined) ?? 'all';
        return reply(turn, [{ text: (await detailLines(kit, turn, store, event, aspect)).join('\n') }], newContext(turn.now, { ...context, eventIds: [event.id], pending: null }));
      }
      if (turn.event.kind !== 'text' || turn.choice !== null) return null;
      const text = folded(turn);
      const aspect = detailAspect(text);
      const understanding = understandTurn(deps, turn);
      const namesNewPlace = slotString(understanding.slots, 'place') !== undefined || understanding.slots.date !== undefined || understanding.slots.dateRange !== undefined;
      const isDetail = (understanding.intent === 'event.detail' && understanding.confidence >= 0.5) || (aspect !== null && isBareDetailQuestion(text));
      if (!isDetail || namesNewPlace) return null;

      const inView = context?.eventIds ?? [];
      if (inView.length === 1) {
        const event = await store.events.get(inView[0]!);
        if (event) return reply(turn, [{ text: (await detailLines(kit, turn, store, event, aspect ?? 'all')).join('\n') }], newContext(turn.now, { ...context }));
      }
      // Which event? Offer the ones in view, else the next ones near the user.
      const candidates = inView.length > 1
        ? (await Promise.all(inView.slice(0, OFFER_LIMIT).map((id) => store.events.get(id)))).filter((e): e is EventView => e !== null)
        : await store.events.upcoming({ unitIds: turn.user.unitId ? [turn.user.unitId] : null, from: turn.now, to: null, limit: OFFER_LIMIT });
      const buttons = candidates.map((e) => ({ label: shorten(`${formatWhen(e)} ${e.title}`), value: `${CHOICE.event}${e.id}` }));
      const pendingAspect = { purpose: 'events' as const, awaitingPlace: false, aspect: aspect ?? 'all' };
      return reply(turn, [kit.message(buttons.length > 0 ? 'res-detail-which-event' : 'res-detail-no-event', undefined, buttons)], newContext(turn.now, { ...context, pending: pendingAspect }));
    },
  };
}
