import type { Feature, Turn, TurnOutcome } from '../../conversation/turn.js';
import { checkDecisionNumber } from '../../domain/decision-number.js';
import type { RegistrationEvent } from '../../domain/registration-status.js';
import { REJECT_REASONS } from '../../domain/registration-status.js';
import { normalizeStoredText } from '../../core/fold.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools, idle, inFlow, type CadreTurnTools } from './cadre-flow-state.js';
import { refusalText } from './cadre-replies.js';
import type { ReviewPayload } from './cadre-services.js';
import { commandText, findRegistrationCode, isCancel, isNone, parseDayMonth, showDate } from './cadre-text.js';

const FLOW = CADRE_FLOWS.review;
const VERDICTS = ['dat', 'khong_dat', 'de_nghi_cap_tren', 'can_bo_sung'] as const;

interface ReviewData {
  registrationId: string;
  code: string | null;
  title: string | null;
  event?: RegistrationEvent;
  scores?: Array<{ criterionCode: string; score: number; max: number }>;
  verdict?: (typeof VERDICTS)[number];
  decisionNo?: string;
  reason?: string;
}

/** "tiếp nhận DVK-…", "trả lại DVK-… vì …": typed commands name the action before the code. */
const TYPED_ACTIONS: ReadonlyArray<[RegExp, RegistrationEvent]> = [
  [/^khong tiep nhan\b|^tu choi\b/, 'reject'],
  [/^tiep nhan\b/, 'accept'],
  [/^tra lai\b/, 'return'],
  [/^mo tham dinh\b/, 'open_evaluation'],
  [/^khong cong nhan\b/, 'decline'],
  [/^cong nhan\b/, 'recognize'],
  [/^thu hoi\b/, 'revoke'],
  [/^de nghi cap tren\b/, 'nominate_up'],
];

/**
 * Reviewer and approver actions by chat (domain §2.2 T5–T17): accept; return with a
 * required comment; reject with a reason code; open, record (rubric) and close an
 * evaluation; recognise with decision number and date at the approver's own tier
 * (format warnings never block); decline; nominate up; revoke. Every transition is
 * audited by the workflow and told to the contact cadre in their language.
 */
export function createReviewActionsFlow(deps: FeatureDeps): Feature {
  const state = (turn: Turn, step: string, data: ReviewData) => inFlow(turn, FLOW, step, data);

  async function act(tools: CadreTurnTools, turn: Turn, data: ReviewData, payload: ReviewPayload, lead?: string): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const result = await api.review.act(turn.user, data.registrationId, payload, turn.now);
    if (!result.ok) return { replies: [{ text: [lead, refusalText(kit, result)].filter(Boolean).join('\n') }], state: idle(turn) };
    const code = result.code ?? data.code ?? '—';
    const view = await api.registrations.get(turn.user, data.registrationId, turn.now);
    const args = notifyArgs(payload, { code, title: data.title ?? '', year: String(view?.year ?? ''), tier: view?.recognition?.tierLabel ?? '' });
    if (result.notifyCadreId) {
      await api.notifications.notifyCadre(result.notifyCadreId, (locale) => ({
        text: deps.translator.t(locale, `cadre-notify-${payload.event.replace(/_/g, '-')}`, args(locale)),
        ...(payload.event === 'return' ? { buttons: [{ label: deps.translator.t(locale, 'status-btn-revise'), value: `rv:revise:${data.registrationId}` }] } : {}),
      }));
    }
    const lines = [lead, kit.t(`confirm-${payload.event.replace(/_/g, '-')}`, { code }), ...result.warnings.map((w) => kit.t(w)), result.notifyCadreId ? kit.t('review-cadre-notified') : null];
    return { replies: [{ text: lines.filter(Boolean).join('\n'), buttons: [kit.button('review-btn-queue', 'rv:queue')] }], state: idle(turn) };
  }

  function notifyArgs(payload: ReviewPayload, base: Record<string, string>) {
    return (locale: 'vi' | 'en') => {
      const extra: Record<string, string> = {};
      if (payload.event === 'return' || payload.event === 'request_info') extra.comment = payload.comment;
      if (payload.event === 'reject') extra.reason = deps.translator.t(locale, `review-reject-${payload.reasonCode.replace(/_/g, '-')}`);
      if (payload.event === 'decline' || payload.event === 'revoke') extra.reason = payload.reason;
      if (payload.event === 'revoke') extra.ref = payload.decisionRef;
      if (payload.event === 'recognize') Object.assign(extra, { decisionNo: checkDecisionNumber(payload.decisionNo).normalized, decisionDate: showDate(payload.decisionDate) });
      if (payload.event === 'record_evaluation') extra.verdict = deps.translator.t(locale, `review-verdict-${payload.verdict}`);
      if (payload.event === 'nominate_up') extra.tier = payload.toTierCode;
      return { ...base, ...extra };
    };
  }

  /** The first question of an action, or the action itself when it needs nothing more. */
  async function begin(tools: CadreTurnTools, turn: Turn, data: ReviewData, event: RegistrationEvent, inline?: string): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const next = { ...data, event };
    switch (event) {
      case 'accept':
      case 'open_evaluation':
        return act(tools, turn, next, { event });
      case 'return':
      case 'request_info':
        if (inline && inline.length >= 5) return act(tools, turn, next, { event, comment: inline });
        return { replies: [kit.message('review-ask-comment')], state: state(turn, 'comment', next) };
      case 'reject':
        return { replies: [kit.message('review-ask-reject-reason', undefined, REJECT_REASONS.map((r) => kit.button(`review-reject-${r.replace(/_/g, '-')}`, `rv:reason:${r}`)))], state: state(turn, 'reject_reason', next) };
      case 'decline':
        return { replies: [kit.message('review-ask-decline-reason')], state: state(turn, 'decline_reason', next) };
      case 'revoke':
        return { replies: [kit.message('review-ask-revoke-reason')], state: state(turn, 'revoke_reason', next) };
      case 'recognize': {
        const tier = await api.review.approverTier(turn.user, turn.now);
        if (!tier) return { replies: [kit.message('review-not-approver')], state: idle(turn) };
        return { replies: [kit.message('review-ask-decision-no', { tier: tier.tierLabel, issuer: tier.issuerName })], state: state(turn, 'decision_no', next) };
      }
      case 'nominate_up': {
        const tier = await api.review.approverTier(turn.user, turn.now);
        if (!tier || tier.higherTiers.length === 0) return { replies: [kit.message('review-no-higher-tier')], state: idle(turn) };
        return { replies: [kit.message('review-ask-tier', undefined, tier.higherTiers.map((t) => ({ label: t.label, value: `rv:tier:${t.code}` })))], state: state(turn, 'nominate_tier', next) };
      }
      case 'record_evaluation':
        return askScore(tools, turn, { ...next, scores: [] });
      default:
        return { replies: [kit.message('review-nothing-to-do')], state: idle(turn) };
    }
  }

  async function askScore(tools: CadreTurnTools, turn: Turn, data: ReviewData): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const view = await api.registrations.get(turn.user, data.registrationId, turn.now);
    const rubric = api.review.rubric(view?.subjectType ?? null);
    const index = data.scores!.length;
    if (index >= rubric.length) {
      const buttons = VERDICTS.map((v) => kit.button(`review-verdict-${v}`, `rv:verdict:${v}`));
      const total = data.scores!.reduce((s, x) => s + x.score, 0);
      return { replies: [kit.message('review-ask-verdict', { total, max: rubric.reduce((s, c) => s + c.max, 0) }, buttons)], state: state(turn, 'verdict', data) };
    }
    const criterion = rubric[index]!;
    return { replies: [kit.message('review-ask-score', { n: index + 1, total: rubric.length, criterion: kit.t(criterion.labelKey), max: criterion.max })], state: state(turn, 'score', data) };
  }

  async function onStep(tools: CadreTurnTools, turn: Turn, data: ReviewData): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const step = turn.state.step;
    const choice = turn.choice;
    const text = normalizeStoredText(turn.text);
    if (choice === null && isCancel(turn.text)) return { replies: [kit.message('review-cancelled')], state: idle(turn) };
    if (step === 'actions') {
      const event = choice?.startsWith('rv:do:') ? (choice.slice(6) as RegistrationEvent) : null;
      if (!event) return { replies: [kit.message('review-choose-action', undefined, turn.state.lastButtons ?? undefined)], state: state(turn, 'actions', data) };
      const allowed = await api.review.allowedActions(turn.user, data.registrationId, turn.now);
      if (!allowed.includes(event)) return { replies: [kit.message('review-action-not-allowed')], state: idle(turn) };
      return begin(tools, turn, data, event);
    }
    const event = data.event!;
    switch (step) {
      case 'comment':
        if (text.length < 5) return { replies: [kit.message('err-comment-required')], state: state(turn, 'comment', data) };
        return act(tools, turn, data, { event: event as 'return' | 'request_info', comment: text });
      case 'reject_reason': {
        const code = choice?.startsWith('rv:reason:') ? choice.slice(10) : null;
        if (!code) return { replies: [kit.message('err-reject-reason-required', undefined, turn.state.lastButtons ?? undefined)], state: state(turn, 'reject_reason', data) };
        return act(tools, turn, data, { event: 'reject', reasonCode: code });
      }
      case 'decline_reason':
        if (text.length < 5) return { replies: [kit.message('err-reason-required')], state: state(turn, 'decline_reason', data) };
        return act(tools, turn, data, { event: 'decline', reason: text });
      case 'revoke_reason':
        if (text.length < 5) return { replies: [kit.message('err-reason-required')], state: state(turn, 'revoke_reason', data) };
        return { replies: [kit.message('review-ask-revoke-ref')], state: state(turn, 'revoke_ref', { ...data, reason: text }) };
      case 'revoke_ref':
        if (text.length < 3) return { replies: [kit.message('review-ask-revoke-ref')], state: state(turn, 'revoke_ref', data) };
        return act(tools, turn, data, { event: 'revoke', reason: data.reason!, decisionRef: text });
      case 'decision_no': {
        if (text.length < 3) return { replies: [kit.message('review-ask-decision-no-again')], state: state(turn, 'decision_no', data) };
        // Soft check (domain §2.3): warn, never block.
        const check = checkDecisionNumber(text);
        const warning = check.ok ? '' : `${kit.t(check.warningKey)}\n`;
        return { replies: [{ text: `${warning}${kit.t('review-ask-decision-date')}` }], state: state(turn, 'decision_date', { ...data, decisionNo: text }) };
      }
      case 'decision_date': {
        const date = parseDayMonth(text, turn.now);
        if (!date) return { replies: [kit.message('review-hint-date')], state: state(turn, 'decision_date', data) };
        return act(tools, turn, data, { event: 'recognize', decisionNo: data.decisionNo!, decisionDate: date });
      }
      case 'nominate_tier': {
        const tier = choice?.startsWith('rv:tier:') ? choice.slice(8) : null;
        if (!tier) return { replies: [kit.message('review-ask-tier', undefined, turn.state.lastButtons ?? undefined)], state: state(turn, 'nominate_tier', data) };
        return act(tools, turn, data, { event: 'nominate_up', toTierCode: tier });
      }
      case 'score': {
        const view = await api.registrations.get(turn.user, data.registrationId, turn.now);
        const criterion = api.review.rubric(view?.subjectType ?? null)[data.scores!.length]!;
        const score = Number(text.replace(',', '.'));
        if (!/^\d+([.,]\d)?$/.test(text) || score > criterion.max) return { replies: [kit.message('review-hint-score', { max: criterion.max })], state: state(turn, 'score', data) };
        return askScore(tools, turn, { ...data, scores: [...data.scores!, { criterionCode: criterion.code, score, max: criterion.max }] });
      }
      case 'verdict': {
        const verdict = choice?.startsWith('rv:verdict:') ? (choice.slice(11) as ReviewData['verdict']) : undefined;
        if (!verdict) return { replies: [kit.message('review-choose-action', undefined, turn.state.lastButtons ?? undefined)], state: state(turn, 'verdict', data) };
        return { replies: [kit.message('review-ask-eval-comment')], state: state(turn, 'eval_comment', { ...data, verdict }) };
      }
      case 'eval_comment':
        return act(tools, turn, data, { event: 'record_evaluation', scores: data.scores!, verdict: data.verdict!, comment: isNone(text) ? null : text });
      default:
        return { replies: [kit.message('review-cancelled')], state: idle(turn) };
    }
  }

  return {
    name: 'cadre-review-actions',
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      if (turn.state.flow === FLOW) return onStep(tools, turn, turn.state.data as unknown as ReviewData);
      if (turn.event.kind !== 'text' || turn.choice !== null) return null;
      const folded = commandText(turn.text);
      const typed = TYPED_ACTIONS.find(([pattern]) => pattern.test(folded));
      const code = findRegistrationCode(turn.text);
      if (!typed || !code) return null;
      const profile = await tools.api.profile(turn.user, turn.now);
      if (!profile || !profile.roles.some((r) => r === 'reviewer' || r === 'approver' || r === 'admin')) return null;
      const view = await tools.api.registrations.findByCode(turn.user, code, turn.now);
      if (!view) return { replies: [tools.kit.message('cadre-not-found-or-hidden')] };
      const allowed = await tools.api.review.allowedActions(turn.user, view.id, turn.now);
      const event = typed[1];
      if (!allowed.includes(event)) {
        return { replies: [{ text: refusalText(tools.kit, { ok: false, reason: 'transition-not-allowed', args: { status: view.status }, allowed }) }] };
      }
      // Whatever follows the code is the comment: "trả lại DVK-2026-CN-043: thiếu số liệu".
      const codeAt = /dvk\s*-\s*\d{4}\s*-\s*[a-z]{1,4}\s*-\s*\d{1,4}/iu.exec(turn.text);
      const after = codeAt ? turn.text.slice(codeAt.index + codeAt[0].length).replace(/^[\s:,–-]+/u, '').trim() : '';
      return begin(tools, turn, { registrationId: view.id, code: view.code, title: view.title }, event, after || undefined);
    },
  };
}

