import type { Feature, Turn, TurnOutcome } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools, idle, inFlow, type CadreTurnTools } from './cadre-flow-state.js';
import { refusalText, registrationLabel, statusText } from './cadre-replies.js';
import type { RegistrationView } from './cadre-services.js';
import { findRegistrationCode, isCancel, isNone, isYes } from './cadre-text.js';

const FLOW = CADRE_FLOWS.withdraw;
/** Statuses a cadre may still withdraw from (T9), plus the one the refusal explains. */
const SHOWN = ['submitted', 'needs_revision', 'accepted', 'under_evaluation'];

/**
 * Withdraw a registration (T9): name the one meant (code, title words, or a choice),
 * confirm, then withdraw — refused with the reason once evaluation has started.
 */
export function createWithdrawModelFlow(deps: FeatureDeps): Feature {
  function confirm(tools: CadreTurnTools, turn: Turn, view: RegistrationView): TurnOutcome {
    const { kit } = tools;
    const reply = kit.message('wd-confirm', { label: registrationLabel(view, 80), status: statusText(kit, view) }, [
      kit.button('wd-btn-yes', 'wd:yes'),
      kit.button('wd-btn-no', 'wd:no'),
    ]);
    return { replies: [reply], state: inFlow(turn, FLOW, 'confirm', { registrationId: view.id, code: view.code }) };
  }

  async function onConfirm(tools: CadreTurnTools, turn: Turn): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const data = turn.state.data as { registrationId: string; code: string | null };
    const yes = turn.choice === 'wd:yes' || (turn.choice === null && isYes(turn.text));
    const no = turn.choice === 'wd:no' || (turn.choice === null && (isNone(turn.text) || isCancel(turn.text)));
    if (no) return { replies: [kit.message('wd-kept', { code: data.code ?? '—' })], state: idle(turn) };
    if (!yes) return { replies: [kit.message('wd-confirm-again', undefined, turn.state.lastButtons ?? undefined)], state: inFlow(turn, FLOW, 'confirm', data) };
    const result = await api.registrations.withdraw(turn.user, data.registrationId, turn.now);
    if (!result.ok) return { replies: [{ text: refusalText(kit, result) }], state: idle(turn) };
    if (result.notifyCadreId) {
      await api.notifications.notifyCadre(result.notifyCadreId, (locale) => ({ text: deps.translator.t(locale, 'cadre-notify-withdraw', { code: result.code ?? data.code ?? '—' }) }));
    }
    return { replies: [kit.message('confirm-withdraw', { code: result.code ?? data.code ?? '—' })], state: idle(turn) };
  }

  return {
    name: 'cadre-withdraw-model',
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      if (turn.state.flow === FLOW) return onConfirm(tools, turn);
      const picked = turn.choice?.startsWith('wd:pick:') ? turn.choice.slice(8) : null;
      if (!picked && (turn.event.kind !== 'text' || turn.choice !== null)) return null;
      const u = picked ? null : deps.understand(turn.text, turn.user);
      if (u && u.intent !== 'model.withdraw') return null;
      const profile = await tools.api.profile(turn.user, turn.now);
      if (!profile || !(profile.roles.includes('cadre') || profile.roles.includes('admin'))) return null;
      const { api, kit } = tools;
      const code = u ? ((u.slots.code as string | undefined) ?? findRegistrationCode(turn.text)) : null;
      if (picked || code) {
        const view = picked ? await api.registrations.get(turn.user, picked, turn.now) : await api.registrations.findByCode(turn.user, code!, turn.now);
        return view ? confirm(tools, turn, view) : { replies: [kit.message('cadre-not-found-or-hidden')] };
      }
      const byTitle = (await api.registrations.searchByTitle(turn.user, turn.text, turn.now)).filter((r) => SHOWN.includes(r.status));
      const mine = byTitle.length > 0 ? byTitle : (await api.registrations.listMine(turn.user, turn.now)).filter((r) => SHOWN.includes(r.status));
      if (mine.length === 1) return confirm(tools, turn, mine[0]!);
      if (mine.length === 0) return { replies: [kit.message('wd-none')] };
      const buttons = mine.slice(0, 6).map((r, i) => ({ label: `${i + 1} ${r.code ?? '—'}`, value: `wd:pick:${r.id}` }));
      const lines = mine.slice(0, 6).map((r, i) => `${i + 1}) ${registrationLabel(r)} – ${statusText(kit, r)}`);
      return { replies: [{ text: [kit.t('wd-choose'), ...lines].join('\n'), buttons }] };
    },
  };
}
