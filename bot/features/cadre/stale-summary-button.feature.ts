import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools } from './cadre-flow-state.js';
import { statusText } from './cadre-replies.js';

/** Button values of the registration steps and summary (register-model.steps.ts, .summary.ts). */
const REGISTER_BUTTON = /^(?:reg:(?:submit|edit|cancel|goto:\d+|retry)|title:|cat:|subj:|field:|contact:)/;

/**
 * A button of a registration that is no longer being drafted (already sent, or
 * cancelled) is answered with what became of it — "đã gửi, mã …, trạng thái …" —
 * instead of "I did not understand". The registration the user touched last is
 * the one the old summary showed.
 */
export function createStaleSummaryButtonFeature(deps: FeatureDeps): Feature {
  return {
    name: 'cadre-stale-summary-button',
    async handle(turn) {
      if (turn.choice === null || !REGISTER_BUTTON.test(turn.choice)) return null;
      if (turn.state.flow === CADRE_FLOWS.register) return null;
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      const mine = turn.user.role === 'resident' ? [] : await tools.api.registrations.listMine(turn.user, turn.now);
      const latest = mine
        .filter((r) => r.status !== 'draft' && r.code !== null)
        .sort((a, b) => new Date(b.statusSince).getTime() - new Date(a.statusSince).getTime())[0];
      if (!latest) return { replies: [tools.kit.message('fc-stale-summary-none')] };
      return { replies: [tools.kit.message('fc-stale-summary', { code: latest.code!, title: latest.title ?? '—', status: statusText(tools.kit, latest) })] };
    },
  };
}
