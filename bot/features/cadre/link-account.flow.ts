import type { Feature, Turn, TurnOutcome } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools, idle, inFlow, type CadreTurnTools } from './cadre-flow-state.js';
import type { CadreProfile } from './cadre-services.js';
import { isCancel, isYes, showTime } from './cadre-text.js';

const FLOW = CADRE_FLOWS.link;
/** Intents only a cadre can follow up: an unlinked account is asked for its invite code first. */
const CADRE_INTENTS = new Set(['model.register', 'report.submit', 'account.link_help']);
const CADRE_MENU = new Set(['menu:register', 'menu:report', 'menu:status', 'menu:review']);

interface LinkData {
  pendingIntent: string | null;
  slots: Record<string, unknown>;
  code?: string;
  successors?: Array<{ id: string; name: string }>;
  /** The abolished unit's name, for the staff member who confirms the new one. */
  formerName?: string;
}

type StartRegistration = (turn: Turn, profile: CadreProfile, slots: Record<string, unknown>, lead?: string) => Promise<TurnOutcome>;

/**
 * Account linking (domain §3.1 precondition): a one-time invite code issued by staff,
 * never a typed phone number; five wrong codes lock linking for 15 minutes; the cadre
 * confirms it is them. A cadre whose unit was abolished in 2025 picks the successor
 * unit on the next message, and their roles wait for a staff member's confirmation.
 */
export function createLinkAccountFlow(deps: FeatureDeps & { startRegistration: StartRegistration }): Feature {
  async function askCode(tools: CadreTurnTools, turn: Turn, data: LinkData, menuLabelKey?: string): Promise<TurnOutcome> {
    const locked = await tools.api.linking.lockedUntil(turn.user.userId, turn.now);
    if (locked) return { replies: [tools.kit.message('link-locked', { until: showTime(locked) })], state: idle(turn) };
    // A menu entry is named back, so the cadre knows why a code is asked for.
    const reply = menuLabelKey ? tools.kit.message('link-ask-code-for', { label: tools.kit.t(menuLabelKey) }) : tools.kit.message('link-ask-code');
    return { replies: [reply], state: inFlow(turn, FLOW, 'code', data) };
  }

  function askSuccessor(tools: CadreTurnTools, turn: Turn, profile: CadreProfile, data: LinkData, lead?: string): TurnOutcome {
    const former = profile.formerUnit!;
    const text = tools.kit.t('link-ask-successor', { unit: former.name, successors: former.successors.map((s) => s.name).join(', ') });
    return {
      replies: [{ text: lead ? `${lead}\n${text}` : text, buttons: former.successors.map((s) => ({ label: s.name, value: `link:unit:${s.id}` })) }],
      state: inFlow(turn, FLOW, 'successor', { ...data, successors: former.successors, formerName: former.name }),
    };
  }

  async function onCode(tools: CadreTurnTools, turn: Turn, data: LinkData): Promise<TurnOutcome> {
    const { kit, api } = tools;
    if (isCancel(turn.text)) return { replies: [kit.message('link-cancelled')], state: idle(turn) };
    const locked = await api.linking.lockedUntil(turn.user.userId, turn.now);
    if (locked) return { replies: [kit.message('link-locked', { until: showTime(locked) })], state: idle(turn) };
    const checked = await api.linking.checkCode(turn.user.userId, turn.text, turn.now);
    if (!checked.ok) {
      if (checked.lockedUntil) return { replies: [kit.message('link-locked', { until: showTime(checked.lockedUntil) })], state: idle(turn) };
      return { replies: [kit.message(`link-code-${checked.reason}`)], state: inFlow(turn, FLOW, 'code', data) };
    }
    const c = checked.cadre;
    const reply = kit.message('link-confirm', { name: c.fullName, position: c.position ?? '—', unit: c.unitName }, [
      kit.button('reg-btn-yes', 'link:yes'),
      kit.button('link-btn-not-me', 'link:no'),
    ]);
    return { replies: [reply], state: inFlow(turn, FLOW, 'confirm', { ...data, code: turn.text }) };
  }

  async function onConfirm(tools: CadreTurnTools, turn: Turn, data: LinkData): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const no = turn.choice === 'link:no' || /khong phai/.test(turn.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    if (no) return { replies: [kit.message('link-not-me')], state: idle(turn) };
    const yes = turn.choice === 'link:yes' || (turn.choice === null && isYes(turn.text));
    if (!yes) return { replies: [kit.message('link-confirm-again', undefined, turn.state.lastButtons ?? undefined)], state: inFlow(turn, FLOW, 'confirm', data) };
    const profile = await api.linking.confirm(turn.user.userId, data.code ?? '', turn.now);
    if (!profile) return { replies: [kit.message('link-code-used')], state: idle(turn) };
    const lead = kit.t('link-done', { name: profile.fullName });
    if (profile.formerUnit) return askSuccessor(tools, turn, profile, data, lead);
    if (data.pendingIntent === 'model.register') return deps.startRegistration(turn, profile, data.slots, lead);
    return { replies: [{ text: `${lead}\n${kit.t('link-what-next')}` }], state: idle(turn) };
  }

  async function onSuccessor(tools: CadreTurnTools, turn: Turn, data: LinkData): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const picked = turn.choice?.startsWith('link:unit:') ? turn.choice.slice(10) : null;
    if (!picked) return { replies: [kit.message('link-successor-choose', undefined, turn.state.lastButtons ?? undefined)], state: inFlow(turn, FLOW, 'successor', data) };
    const profile = await api.linking.chooseSuccessorUnit(turn.user.userId, picked, turn.now);
    if (profile) {
      // Staff in scope of the new unit confirm it by chat (confirm-unit.feature.ts).
      await api.notifications.notifyReviewers(
        profile.unitId,
        (locale) => ({
          text: deps.translator.t(locale, 'rebind-ask-staff', { name: profile.fullName, former: data.formerName ?? '—', unit: profile.unitName }),
          buttons: [
            { label: deps.translator.t(locale, 'rebind-approve'), value: `rebind:ok:${profile.cadreId}` },
            { label: deps.translator.t(locale, 'rebind-decline'), value: `rebind:no:${profile.cadreId}` },
          ],
        }),
        turn.now,
      );
    }
    return { replies: [kit.message('link-successor-done', { unit: profile?.unitName ?? picked })], state: idle(turn) };
  }

  return {
    name: 'cadre-link-account',
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      if (turn.state.flow === FLOW) {
        const data = turn.state.data as unknown as LinkData;
        if (turn.state.step === 'code') return onCode(tools, turn, data);
        if (turn.state.step === 'confirm') return onConfirm(tools, turn, data);
        if (turn.state.step === 'successor') return onSuccessor(tools, turn, data);
        return { replies: [], state: idle(turn) };
      }
      if (turn.event.kind !== 'text' && turn.event.kind !== 'button') return null;
      const menu = turn.choice !== null && CADRE_MENU.has(turn.choice);
      const u = turn.event.kind === 'text' && turn.choice === null ? deps.understand(turn.text, turn.user) : null;
      const profile = await tools.api.profile(turn.user, turn.now);
      if (profile) {
        // Abolished unit: ask for the successor on the next message, whatever it says.
        if (profile.formerUnit) return askSuccessor(tools, turn, profile, { pendingIntent: null, slots: {} });
        if (u?.intent === 'account.link_help') return { replies: [tools.kit.message('link-already', { name: profile.fullName, unit: profile.unitName })] };
        return null;
      }
      if (!menu && !(u && CADRE_INTENTS.has(u.intent))) return null;
      const pendingIntent = menu ? (turn.choice === 'menu:register' ? 'model.register' : null) : (u?.intent ?? null);
      return askCode(tools, turn, { pendingIntent, slots: u?.slots ?? {} }, menu ? `menu-${turn.choice!.slice(5)}` : undefined);
    },
  };
}
