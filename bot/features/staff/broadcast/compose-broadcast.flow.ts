import type { Feature, Turn, TurnOutcome } from '../../../conversation/turn.js';
import { createReplyKit, type ReplyKit } from '../../../conversation/reply-kit.js';
import { suggestDiacritics } from '../../../nlu/diacritics.js';
import { CLARIFY_THRESHOLD } from '../../../nlu/labels.js';
import type { FeatureDeps } from '../../feature-deps.js';
import { idle, inFlow } from '../../cadre/cadre-flow-state.js';
import { isCancel, isYes } from '../../cadre/cadre-text.js';
import type { BroadcastApi, BroadcastAudience, BroadcastDraft, BroadcastKind } from './broadcast-services.js';
import { AUDIENCES, KINDS, LOOKS_LIKE_BROADCAST, ASKS_PROGRESS, ASKS_SCHEDULE, audienceLabel, countsLines, folded, kindFromWords, whenText } from './broadcast-text.js';
import { BODY_MAX, checkBody, lacksDiacritics } from './body-guards.js';
import { effectiveSendTime, sendTimeFromSlots, tomorrowMorning } from './send-time.js';
import { slotPlaceUnit } from '../../slot-place-unit.js';

export const COMPOSE_FLOW = 'staff.broadcast';

type Step = 'kind' | 'audience' | 'body' | 'diacritics' | 'preview';
type Data = BroadcastDraft & { suggestion?: string };

/**
 * Domain §3.4: a broadcaster or admin composes an announcement by chat — kind,
 * audience, body (1–2,000 characters, a restored-diacritics version offered), preview
 * with recipient counts per channel and the exclusions, then send now or at a time
 * ("8h sáng mai", "thứ 7 này 7h30"), edit or cancel. Every choice works by button and
 * by typed number. A request that already says who and what ("gửi thông báo cho dân
 * phường Cửa Nam: …") skips those questions. Guards: the audience must be in the
 * sender's scope, the body must carry no personal phone or CCCD number, quiet hours
 * move the send (and say so), a large audience needs a second approver.
 */
export function createComposeBroadcastFlow(deps: FeatureDeps): Feature {
  function ask(kit: ReplyKit, turn: Turn, step: Step, data: Data): TurnOutcome {
    if (step === 'kind') {
      return { replies: [kit.message('bc-ask-kind', undefined, KINDS.map((k) => kit.button(`bc-kind-${k}`, `bc:kind:${k}`)))], state: inFlow(turn, COMPOSE_FLOW, step, data) };
    }
    if (step === 'audience') {
      const buttons = AUDIENCES.map((a) => ({ label: audienceLabel(kit, a, data.unitName ?? ''), value: `bc:aud:${a}` }));
      return { replies: [kit.message('bc-ask-audience', undefined, buttons)], state: inFlow(turn, COMPOSE_FLOW, step, data) };
    }
    return { replies: [kit.message('bc-ask-body', { max: BODY_MAX })], state: inFlow(turn, COMPOSE_FLOW, 'body', data) };
  }

  /** Asks the first missing piece, or shows the preview when nothing is missing. */
  async function next(api: BroadcastApi, kit: ReplyKit, turn: Turn, data: Data): Promise<TurnOutcome> {
    if (!data.kind) return ask(kit, turn, 'kind', data);
    if (!data.audience) return ask(kit, turn, 'audience', data);
    if (!data.body) return ask(kit, turn, 'body', data);
    return preview(api, kit, turn, data);
  }

  async function preview(api: BroadcastApi, kit: ReplyKit, turn: Turn, data: Data): Promise<TurnOutcome> {
    const counts = await api.preview(turn.user, { kind: data.kind!, audience: data.audience!, unitId: data.unitId! }, turn.now);
    const wanted = data.sendAt ? new Date(data.sendAt) : null;
    const lines = [
      kit.t('bc-preview-title'),
      `"${data.body}"`,
      `• ${audienceLabel(kit, data.audience!, data.unitName ?? '')} – ${kit.t(`bc-kind-${data.kind}`)}`,
      ...countsLines(kit, counts).map((l) => `• ${l}`),
      `• ${kit.t('bc-preview-when', { when: whenText(kit, wanted) })}`,
    ];
    if (counts.sendableTotal > api.policy.approvalThreshold) lines.push(kit.t('bc-preview-needs-approval', { threshold: api.policy.approvalThreshold }));
    const buttons = [kit.button('bc-btn-send', 'bc:send'), kit.button('bc-btn-tomorrow', 'bc:tomorrow'), kit.button('bc-btn-edit', 'bc:edit'), kit.button('bc-btn-cancel', 'bc:cancel')];
    return { replies: [{ text: [...lines, kit.t('bc-preview-hint')].join('\n'), buttons }], state: inFlow(turn, COMPOSE_FLOW, 'preview', { ...data, expected: counts.sendableTotal }) };
  }

  async function submit(api: BroadcastApi, kit: ReplyKit, turn: Turn, data: Data & { expected?: number }, wanted: Date | null): Promise<TurnOutcome> {
    const { at, moved } = effectiveSendTime(wanted, turn.now, api.policy.quietHours);
    const result = await api.submit(turn.user, { kind: data.kind!, audience: data.audience!, unitId: data.unitId!, body: data.body!, sendAt: at }, data.expected ?? 0, turn.now);
    if (!result.ok) return { replies: [kit.message(`bc-refused-${result.reason}`, { unit: data.unitName ?? '' })], state: idle(turn) };
    for (const cadreId of result.approverCadreIds) {
      // The second approver sees what residents will read, and approves with one tap (or "1").
      await turn.services.cadre?.notifications.notifyCadre(cadreId, (locale) => {
        const k = createReplyKit(deps.translator, locale);
        const text = k.t('bc-approval-request', { author: turn.user.displayName ?? '', audience: audienceLabel(k, data.audience!, data.unitName ?? ''), count: data.expected ?? 0, when: whenText(k, at), body: data.body! });
        return { text, buttons: [k.button('bc-btn-approve', `bc:approve:${result.id}`)] };
      });
    }
    const lines: string[] = [];
    if (moved) lines.push(kit.t('bc-moved-quiet', { when: whenText(kit, at) }));
    if (result.status === 'pending_approval') lines.push(kit.t('bc-pending-approval', { when: whenText(kit, at), approvers: result.approverCadreIds.length }));
    else lines.push(kit.t(at ? 'bc-scheduled' : 'bc-sending', { when: whenText(kit, at) }));
    return { replies: [{ text: lines.join('\n') }], state: idle(turn) };
  }

  async function acceptBody(api: BroadcastApi, kit: ReplyKit, turn: Turn, data: Data, body: string): Promise<TurnOutcome> {
    const problem = checkBody(body, api.policy.hotlines);
    if (problem) {
      return { replies: [kit.message(`bc-body-${problem.problem}`, { max: BODY_MAX, ...(problem.problem === 'too-long' ? { length: problem.length } : {}), ...(problem.problem === 'phone' ? { masked: problem.masked } : {}) })], state: inFlow(turn, COMPOSE_FLOW, 'body', data) };
    }
    const text = body.normalize('NFC').trim();
    const suggestion = lacksDiacritics(text) ? suggestDiacritics(text) : null;
    if (suggestion && suggestion !== text) {
      const buttons = [kit.button('bc-btn-use-marks', 'bc:marks:yes'), kit.button('bc-btn-keep-typed', 'bc:marks:no')];
      return { replies: [kit.message('bc-diacritics', { suggestion }, buttons)], state: inFlow(turn, COMPOSE_FLOW, 'diacritics', { ...data, body: text, suggestion }) };
    }
    return next(api, kit, turn, { ...data, body: text });
  }

  /** The first turn: who is asking, and what the message already answers. */
  async function begin(api: BroadcastApi, kit: ReplyKit, turn: Turn): Promise<TurnOutcome | null> {
    const author = await api.author(turn.user, turn.now);
    if (!author) return { replies: [kit.message('bc-not-allowed')] };
    const colon = turn.text.indexOf(':');
    const head = colon >= 0 ? turn.text.slice(0, colon) : turn.text;
    const body = colon >= 0 ? turn.text.slice(colon + 1).trim() : '';
    const u = deps.understand(head, turn.user);
    const data: Data = { unitId: author.scopeUnitId, unitName: author.scopeUnitName };
    if (typeof u.slots.place === 'string') {
      // The NLU's one unit first (tier word honoured: "quận Hoàn Kiếm" is the old district, which takes no
      // broadcasts, not today's ward of that name); the words themselves only when the NLU named none.
      const named = slotPlaceUnit(u.slots);
      const unit = named ? await api.unitToday(named.id, turn.now) : await api.findUnit(u.slots.place, turn.now);
      if (!unit) return { replies: [kit.message('bc-unit-unknown', { place: u.slots.place })] };
      if (!(await api.inScope(turn.user, unit.id, turn.now))) return { replies: [kit.message('bc-refused-out-of-scope', { unit: unit.name })] };
      data.unitId = unit.id;
      data.unitName = unit.name;
    }
    const audience = u.slots.audience;
    if (audience === 'residents' || audience === 'cadres' || audience === 'both') data.audience = audience;
    const kind = kindFromWords(head) ?? (body ? kindFromWords(body) : null);
    if (kind) data.kind = kind;
    const at = sendTimeFromSlots(u.slots, turn.now);
    if (at) data.sendAt = at.toISOString();
    if (body) {
      data.kind ??= 'other';
      return acceptBody(api, kit, turn, data, body);
    }
    return next(api, kit, turn, data);
  }

  async function continueFlow(api: BroadcastApi, kit: ReplyKit, turn: Turn): Promise<TurnOutcome> {
    const data = turn.state.data as Data & { expected?: number };
    const step = turn.state.step as Step;
    const choice = turn.choice ?? '';
    if (choice === 'bc:cancel' || (turn.choice === null && isCancel(turn.text))) return { replies: [kit.message('bc-cancelled')], state: idle(turn) };
    switch (step) {
      case 'kind': {
        const kind = choice.startsWith('bc:kind:') ? (choice.slice(8) as BroadcastKind) : kindFromWords(turn.text);
        return kind && KINDS.includes(kind) ? next(api, kit, turn, { ...data, kind }) : ask(kit, turn, 'kind', data);
      }
      case 'audience': {
        const typed = deps.understand(turn.text, turn.user).slots.audience as BroadcastAudience | undefined;
        const audience = choice.startsWith('bc:aud:') ? (choice.slice(7) as BroadcastAudience) : typed;
        return audience && AUDIENCES.includes(audience) ? next(api, kit, turn, { ...data, audience }) : ask(kit, turn, 'audience', data);
      }
      case 'body':
        return acceptBody(api, kit, turn, data, turn.text);
      case 'diacritics': {
        const useMarks = choice === 'bc:marks:yes' || (turn.choice === null && isYes(turn.text));
        const body = useMarks && data.suggestion ? data.suggestion : data.body!;
        return next(api, kit, turn, { ...data, body, suggestion: undefined });
      }
      case 'preview': {
        if (choice === 'bc:edit' || (turn.choice === null && /\b(sua|chinh)\b/.test(folded(turn.text)))) return ask(kit, turn, 'body', { ...data, body: undefined });
        if (choice === 'bc:send') return submit(api, kit, turn, data, data.sendAt ? new Date(data.sendAt) : null);
        if (choice === 'bc:tomorrow') return submit(api, kit, turn, data, tomorrowMorning(turn.now));
        if (turn.choice === null && /\b(gui ngay|ngay bay gio|gui luon)\b/.test(folded(turn.text))) return submit(api, kit, turn, data, null);
        const at = sendTimeFromSlots(deps.understand(turn.text, turn.user).slots, turn.now);
        if (at) return submit(api, kit, turn, data, at);
        return { replies: [kit.message('bc-preview-again', undefined, turn.state.lastButtons ?? undefined)], state: inFlow(turn, COMPOSE_FLOW, 'preview', data) };
      }
    }
    return { replies: [kit.message('bc-cancelled')], state: idle(turn) };
  }

  return {
    name: 'staff-compose-broadcast',
    async handle(turn) {
      const api = turn.services.broadcasts;
      if (!api) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      if (turn.state.flow === COMPOSE_FLOW) return continueFlow(api, kit, turn);
      if (turn.choice === 'bc:new') return begin(api, kit, turn);
      if (turn.event.kind !== 'text' || turn.choice !== null) return null;
      const f = folded(turn.text);
      if (ASKS_PROGRESS.test(f) || ASKS_SCHEDULE.test(f)) return null;
      if (LOOKS_LIKE_BROADCAST.test(f)) return begin(api, kit, turn);
      const u = deps.understand(turn.text, turn.user);
      // Tried before clarification: an unsure reading is left to the clarify feature.
      return u.intent === 'staff.broadcast_create' && u.confidence >= CLARIFY_THRESHOLD ? begin(api, kit, turn) : null;
    },
  };
}
