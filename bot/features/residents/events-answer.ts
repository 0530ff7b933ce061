import type { OutboundButton } from '../../core/outbound-message.js';
import { isUnitValidOn } from '../../domain/unit-tree.js';
import { cityOf, currentSuccessors } from './unit-scope.js';
import { eventLine, periodLabel, unitName } from './event-format.js';
import { splitAtNow } from './event-window.js';
import type { PlaceAnswerer } from './place-flow.js';
import { findByTerms, localized } from './public-info-lookup.js';
import { newContext, type EventQuery } from './resident-context.js';
import type { EventView } from './resident-services.js';
import { CHOICE, capitalize, reply, todayOf } from './resident-turn.js';

const LIST_LIMIT = 5;
/** Types for which "usually around 15/10" is the relevant past-years fact. */
const FESTIVAL_TYPES = new Set(['ngay_hoi']);
const EPOCH = new Date(0);

/**
 * "When and where is the next ngày hội in ward X": upcoming events of the units (soonest
 * first), history kept apart, and — when nothing is stored — the typical timing from
 * configuration as a fact about past years, plus an offer to subscribe. Never a made-up date.
 */
export const answerEvents: PlaceAnswerer = async ({ turn, kit, store, target, pending }) => {
  const query: EventQuery = pending.query ?? { types: [], eventType: null, from: null, to: null, period: 'none' };
  const { upcoming, history } = splitAtNow(query, turn.now);
  const typeLabel = kit.t('res-event-type', { type: query.eventType ?? 'any' });
  const period = periodLabel(kit, query);
  const lines: string[] = [...target.notes];
  const shownUpcoming: EventView[] = [];
  const shownPast: EventView[] = [];
  let askedFound = 0;
  /** Other upcoming events shown because none matched the day or kind asked. */
  let othersFound = 0;
  const dated = query.period === 'date' || query.period === 'range';
  const tree = await store.places.tree();
  const asOf = todayOf(turn);

  if (query.eventType === 'other_movement') {
    const entry = findByTerms(await store.info.list('glossary'), 'dai doan ket');
    const text = entry ? localized(entry, turn.user.locale) : null;
    if (text) lines.push(kit.t('res-other-movement', { text }));
  }

  for (const unit of target.units) {
    const name = unitName(kit, unit);
    // History of a ward includes what its predecessors held before the merger.
    const withPredecessors = [unit.id, ...unit.predecessors.map((p) => p.unitId)];
    const found = upcoming ? await store.events.upcoming({ unitIds: [unit.id], types: query.types, from: upcoming.from, to: upcoming.to, limit: LIST_LIMIT }) : [];
    if (upcoming) {
      // For a day asked, "none that day" is said plainly, not as "nothing stored yet".
      lines.push(found.length > 0
        ? kit.t('res-events-header', { type: typeLabel, unit: name, period })
        : kit.t(dated ? 'res-events-none-on-day' : 'res-events-none', { type: typeLabel, unit: capitalize(name), period }));
      lines.push(...found.map((e) => eventLine(kit, e)));
      shownUpcoming.push(...found);
      askedFound += found.length;
    }
    const past = history
      ? await store.events.past({ unitIds: withPredecessors, types: query.types, from: history.from, to: history.to, limit: LIST_LIMIT })
      : [];
    if (history && past.length > 0) lines.push(kit.t('res-events-history-header', { unit: name }), ...past.map((e) => eventLine(kit, e, true)));
    if (history && !upcoming && past.length === 0) lines.push(kit.t('res-events-history-none', { type: typeLabel, unit: capitalize(name), period }));
    shownPast.push(...past);

    if (upcoming && found.length === 0) {
      // Nothing of the kind asked: other upcoming events of the ward still help.
      const others = query.types.length > 0 || query.period !== 'none'
        ? await store.events.upcoming({ unitIds: [unit.id], from: turn.now, to: null, limit: 3 })
        : [];
      if (others.length > 0) lines.push(kit.t(dated ? 'res-events-nearby-header' : 'res-events-others-header', { unit: name }), ...others.map((e) => eventLine(kit, e)));
      shownUpcoming.push(...others);
      othersFound += others.length;
      if (others.length === 0 && query.period === 'none' && past.length === 0) {
        const last = await store.events.past({ unitIds: withPredecessors, types: query.types, from: EPOCH, to: turn.now, limit: 1 });
        if (last.length > 0) lines.push(kit.t('res-events-last-past'), ...last.map((e) => eventLine(kit, e, true)));
        shownPast.push(...last);
      }
    }
  }

  // Nothing of the kind and period asked: give the past years' timing as a fact about the
  // past — unless the question named a day and what is coming nearby was just listed.
  const noneAsked = upcoming !== null && askedFound === 0;
  // "I won't guess a date" only when nothing at all is coming: next to a listed event it contradicts it.
  const nothingAhead = noneAsked && othersFound === 0;
  const timingHelps = noneAsked && (othersFound === 0 || !dated);
  if (timingHelps && (query.types.length === 0 || query.types.some((t) => FESTIVAL_TYPES.has(t)))) {
    const timing = (await store.info.list('festival_timing')).find((e) => e.unitId === null);
    const text = timing ? localized(timing, turn.user.locale) : null;
    lines.push(text ? kit.t('res-typical-timing', { text }) : kit.t('res-typical-timing-not-configured'));
  }

  // Notices go to today's units: an old ward in a history answer offers its successors.
  const noticeUnits = [...new Map(target.units.flatMap((u) => (isUnitValidOn(u, asOf) ? [u] : currentSuccessors(tree, u, asOf).map((s) => s.unit))).map((u) => [u.id, u])).values()];
  const buttons: OutboundButton[] = noticeUnits.map((u) => kit.button('res-subscribe-button', `${CHOICE.subscribe}${u.id}`, { unit: unitName(kit, u) }));
  const city = target.units[0] ? cityOf(tree, target.units[0].id, asOf) : undefined;
  if (city && !target.units.some((u) => u.id === city.id)) buttons.push(kit.button('res-city-events-button', `${CHOICE.pick}${city.id}`, { city: city.name }));
  lines.push(kit.t(nothingAhead ? 'res-offer-subscribe-none' : 'res-offer-subscribe'));

  const context = newContext(turn.now, {
    eventIds: (shownUpcoming.length > 0 ? shownUpcoming : shownPast).map((e) => e.id),
    unitIds: target.units.map((u) => u.id),
    // The city button re-asks the same question for the city.
    pending: { purpose: 'events', awaitingPlace: false, query },
  });
  return reply(turn, [{ text: lines.join('\n'), buttons }], context);
};
