import { foldText } from '../../../core/fold.js';
import type { OutboundMessage } from '../../../core/outbound-message.js';
import type { Feature, Turn, TurnOutcome } from '../../../conversation/turn.js';
import { createReplyKit, type ReplyKit } from '../../../conversation/reply-kit.js';
import { daysBetween, vietnamDateOf, type IsoDate } from '../../../domain/iso-date.js';
import { idle, inFlow, isIdleExpired } from '../../cadre/cadre-flow-state.js';
import { isCancel, isYes, showDate, showTime } from '../../cadre/cadre-text.js';
import type { FeatureDeps } from '../../feature-deps.js';
import { upcomingDate } from '../staff-dates.js';
import type { ChangeableEvent, EventChangeApi, NoticeRenderer } from './event-change-services.js';

export const EVENT_CHANGE_FLOW = 'staff.event_change';

type Action = 'postpone' | 'cancel';

/** What the flow keeps between turns (dates as ISO strings: state is JSON). */
interface ChangeData {
  action: Action;
  newDate: IsoDate | null;
  event: (Omit<ChangeableEvent, 'startsAt' | 'endsAt'> & { startsAt: string }) | null;
  candidates: Array<Omit<ChangeableEvent, 'startsAt' | 'endsAt'> & { startsAt: string }>;
}

/** "hủy hội thi …" cancels; "dời / lùi / hoãn / chuyển … sang 13/12" moves. */
export function actionOf(text: string): Action {
  const folded = foldText(text);
  return /\bhuy\b/.test(folded) && !/\bsang\b/.test(folded) ? 'cancel' : 'postpone';
}

/** A contest ("hội thi") includes its preliminary and final rounds. */
function typesFor(eventType: unknown): string[] | null {
  if (typeof eventType !== 'string') return null;
  return eventType === 'hoi_thi' ? ['hoi_thi', 'hoi_thi_so_khao', 'hoi_thi_chung_khao'] : [eventType];
}

const stored = (e: ChangeableEvent) => ({ ...e, startsAt: e.startsAt.toISOString(), endsAt: undefined });

/** The new start: same time of day on the new date. */
function movedStart(event: NonNullable<ChangeData['event']>, newDate: IsoDate): Date {
  const start = new Date(event.startsAt);
  return new Date(start.getTime() + daysBetween(vietnamDateOf(start), newDate) * 86_400_000);
}

/**
 * Staff move or cancel an event by chat (issue 11 item 3): find it in their scope by
 * kind and place, confirm with what changes and how many subscribers will hear of it,
 * then change it. The notice ends with how to stop, like every message to residents.
 */
export function createEventChangeFlow(deps: FeatureDeps): Feature {
  const save = (turn: Turn, step: string, data: ChangeData) => inFlow(turn, EVENT_CHANGE_FLOW, step, data);

  function notice(data: ChangeData): NoticeRenderer {
    const event = data.event!;
    const start = new Date(event.startsAt);
    return (locale): OutboundMessage => {
      const t = (key: string, args?: Record<string, string | number>) => deps.translator.t(locale, key, args);
      const body =
        data.action === 'cancel'
          ? t('ev-notice-cancelled', { title: event.title, time: showTime(start), date: showDate(start) })
          : t('ev-notice-postponed', { title: event.title, fromDate: showDate(start), toTime: showTime(start), toDate: showDate(data.newDate!), venue: event.venue ?? '—' });
      return { text: `${body}\n${t('rm-how-to-stop')}` };
    };
  }

  function confirm(kit: ReplyKit, turn: Turn, data: ChangeData): TurnOutcome {
    const event = data.event!;
    if (data.action === 'postpone' && !data.newDate) return { replies: [kit.message('ev-ask-date', { title: event.title })], state: save(turn, 'date', data) };
    const start = new Date(event.startsAt);
    const buttons = [kit.button('ev-btn-confirm', 'ev:yes'), kit.button('ev-btn-abort', 'ev:no')];
    const text =
      data.action === 'cancel'
        ? kit.t('ev-confirm-cancel', { title: event.title, time: showTime(start), date: showDate(start), audience: event.audience })
        : (() => {
            const to = movedStart(event, data.newDate!);
            return kit.t('ev-confirm-postpone', { title: event.title, fromTime: showTime(start), fromDate: showDate(start), toTime: showTime(to), toDate: showDate(to), audience: event.audience });
          })();
    // The change notice as subscribers will read it, so staff confirm the words too.
    const draft = notice(data)(turn.user.locale).text;
    return { replies: [{ text: `${text}\n${kit.t('ev-notice-draft')}\n${draft}`, buttons }], state: save(turn, 'confirm', data) };
  }

  async function apply(api: EventChangeApi, kit: ReplyKit, turn: Turn, data: ChangeData): Promise<TurnOutcome> {
    const event = data.event!;
    if (data.action === 'cancel') {
      const done = await api.cancel(turn.user, event.id, notice(data), turn.now);
      if (!done.ok) return { replies: [kit.message(`ev-refused-${done.reason}`)], state: idle(turn) };
      return { replies: [kit.message('ev-done-cancel', { title: event.title, notified: done.notified, cancelled: done.cancelledReminders })], state: idle(turn) };
    }
    const done = await api.postpone(turn.user, event.id, data.newDate!, notice(data), turn.now);
    if (!done.ok) return { replies: [kit.message(`ev-refused-${done.reason}`)], state: idle(turn) };
    return {
      replies: [kit.message('ev-done-postpone', { title: event.title, time: showTime(done.event.startsAt), date: showDate(done.event.startsAt), notified: done.notified, moved: done.movedReminders })],
      state: idle(turn),
    };
  }

  async function answer(api: EventChangeApi, kit: ReplyKit, turn: Turn): Promise<TurnOutcome> {
    const data = turn.state.data as unknown as ChangeData;
    if (turn.choice === 'ev:no' || (turn.choice === null && isCancel(turn.text))) return { replies: [kit.message('ev-aborted')], state: idle(turn) };
    switch (turn.state.step) {
      case 'pick': {
        const picked = data.candidates.find((c) => turn.choice === `ev:pick:${c.id}`);
        if (!picked) return { replies: [kit.message('ev-choose', undefined, turn.state.lastButtons ?? undefined)], state: save(turn, 'pick', data) };
        return confirm(kit, turn, { ...data, event: picked, candidates: [] });
      }
      case 'date': {
        const date = upcomingDate(deps.understand(turn.text, turn.user).slots.date, turn.text, turn.now);
        if (!date) return { replies: [kit.message('ev-date-invalid')], state: save(turn, 'date', data) };
        return confirm(kit, turn, { ...data, newDate: date });
      }
      default:
        if (turn.choice !== 'ev:yes' && !(turn.choice === null && isYes(turn.text))) {
          return { replies: [kit.message('ev-hint-confirm', undefined, turn.state.lastButtons ?? undefined)], state: save(turn, 'confirm', data) };
        }
        return apply(api, kit, turn, data);
    }
  }

  return {
    name: 'staff-event-change',
    async handle(turn) {
      const api = turn.services.staffEvents;
      if (!api) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      if (turn.state.flow === EVENT_CHANGE_FLOW) return answer(api, kit, turn);
      if (turn.event.kind !== 'text' || turn.choice !== null || (turn.state.flow && !isIdleExpired(turn))) return null;
      const u = deps.understand(turn.text, turn.user);
      if (u.intent !== 'staff.event_update') return null;
      const action = actionOf(turn.text);
      const newDate = action === 'postpone' ? upcomingDate(u.slots.date, turn.text, turn.now) : null;
      const found = await api.find(turn.user, { types: typesFor(u.slots.eventType), place: typeof u.slots.place === 'string' ? u.slots.place : null }, turn.now);
      if (!found.ok) return { replies: [kit.message('ev-not-allowed')], state: idle(turn) };
      if (found.events.length === 0) return { replies: [kit.message('ev-none')], state: idle(turn) };
      const data: ChangeData = { action, newDate, event: null, candidates: [] };
      if (found.events.length === 1) return confirm(kit, turn, { ...data, event: stored(found.events[0]!) });
      const lines = found.events.map((e, i) => kit.t('ev-option', { n: i + 1, title: e.title, time: showTime(e.startsAt), date: showDate(e.startsAt) }));
      const buttons = found.events.map((e, i) => ({ label: `${i + 1}`, value: `ev:pick:${e.id}` }));
      return { replies: [{ text: [kit.t('ev-choose'), ...lines].join('\n'), buttons }], state: save(turn, 'pick', { ...data, candidates: found.events.map(stored) }) };
    },
  };
}
