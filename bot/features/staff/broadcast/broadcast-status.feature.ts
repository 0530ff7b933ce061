import type { Feature, Turn, TurnOutcome } from '../../../conversation/turn.js';
import { createReplyKit, type ReplyKit } from '../../../conversation/reply-kit.js';
import type { FeatureDeps } from '../../feature-deps.js';
import { idle, inFlow } from '../../cadre/cadre-flow-state.js';
import type { BroadcastApi, BroadcastSummary } from './broadcast-services.js';
import { ASKS_PROGRESS, ASKS_RESEND_UNCERTAIN, ASKS_SCHEDULE, folded, summaryLine, whenText, audienceLabel } from './broadcast-text.js';

const LIST_FLOW = 'staff.broadcast.list';
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Monday 00:00 (Vietnam) of the week containing `now`. */
function weekStart(now: Date): Date {
  const local = new Date(now.getTime() + 7 * 3600 * 1000);
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysSinceMonday);
  return new Date(monday - 7 * 3600 * 1000);
}

/**
 * Status by chat: "tình hình gửi thông báo vừa rồi" (live counts, with stop / resume /
 * retry-failed), "lịch gửi tuần này" (scheduled and pending announcements, numbered;
 * "hủy 2" or the button cancels one), and the second approver's "Duyệt" button.
 */
export function createBroadcastStatusFeature(deps: FeatureDeps): Feature {
  function progressReply(kit: ReplyKit, s: BroadcastSummary): TurnOutcome {
    const failed = (s.byState.failed_permanent ?? 0) + (s.byState.failed_temporary ?? 0);
    const uncertain = s.byState.uncertain ?? 0;
    const progress = kit.t('bc-progress', {
      status: kit.t(`bc-status-${s.status}`),
      audience: audienceLabel(kit, s.audience, s.unitName),
      when: whenText(kit, s.sendAt),
      sent: s.byState.sent ?? 0,
      waiting: (s.byState.queued ?? 0) + (s.byState.claimed ?? 0) + (s.byState.sending ?? 0),
      skipped: s.byState.skipped ?? 0,
      failed,
      stopped: s.byState.stopped ?? 0,
    });
    const text = uncertain > 0 ? `${progress}\n${kit.t('bc-progress-uncertain', { uncertain })}` : progress;
    const buttons = [];
    if (s.status === 'sending' || s.status === 'scheduled' || s.status === 'pending_approval') buttons.push(kit.button('bc-btn-stop', `bc:stop:${s.id}`));
    if (s.status === 'stopped') buttons.push(kit.button('bc-btn-resume', `bc:resume:${s.id}`));
    if (failed > 0) buttons.push(kit.button('bc-btn-retry', `bc:retry:${s.id}`));
    if (uncertain > 0) buttons.push(kit.button('bc-btn-resend-uncertain', `bc:uncertain:${s.id}`));
    return { replies: [{ text, ...(buttons.length > 0 ? { buttons } : {}) }] };
  }

  async function schedule(api: BroadcastApi, kit: ReplyKit, turn: Turn): Promise<TurnOutcome> {
    const from = weekStart(turn.now);
    const list = await api.scheduledBetween(turn.user, from, new Date(from.getTime() + WEEK_MS), turn.now);
    if (list.length === 0) return { replies: [kit.message('bc-list-empty')], state: idle(turn) };
    const lines = [kit.t('bc-list-title', { count: list.length }), ...list.map((s, i) => summaryLine(kit, s, i)), kit.t('bc-list-hint')];
    const buttons = list.slice(0, 8).map((s, i) => kit.button('bc-btn-cancel-n', `bc:cancel:${s.id}`, { n: i + 1 }));
    return { replies: [{ text: lines.join('\n'), buttons }], state: inFlow(turn, LIST_FLOW, 'list', { ids: list.map((s) => s.id) }) };
  }

  async function act(api: BroadcastApi, kit: ReplyKit, turn: Turn, action: string, id: string): Promise<TurnOutcome> {
    switch (action) {
      case 'approve': {
        const result = await api.approve(turn.user, id, turn.now);
        if (result.ok) {
          await turn.services.cadre?.notifications.notifyCadre(result.authorCadreId, (locale) => ({
            text: createReplyKit(deps.translator, locale).t('bc-approved-author', { when: whenText(createReplyKit(deps.translator, locale), result.summary.sendAt) }),
          }));
        }
        return { replies: [result.ok ? kit.message('bc-approved', { when: whenText(kit, result.summary.sendAt) }) : kit.message(`bc-approve-${result.reason}`)] };
      }
      case 'cancel':
        return { replies: [kit.message((await api.cancel(turn.user, id, turn.now)) ? 'bc-cancelled-one' : 'bc-cannot-cancel')], state: idle(turn) };
      case 'stop':
        return { replies: [kit.message((await api.stop(turn.user, id, turn.now)) ? 'bc-stopped' : 'bc-cannot-change')] };
      case 'uncertain': {
        const n = await api.resendUncertain(turn.user, id, turn.now);
        return { replies: [n === null ? kit.message('bc-cannot-change') : n === 0 ? kit.message('bc-no-uncertain') : kit.message('bc-resending-uncertain', { count: n })] };
      }
      case 'resume':
        return { replies: [kit.message((await api.resume(turn.user, id, turn.now)) ? 'bc-resumed' : 'bc-cannot-change')] };
      default: {
        const n = await api.retryFailed(turn.user, id, turn.now);
        return { replies: [n === null ? kit.message('bc-cannot-change') : kit.message('bc-retrying', { count: n })] };
      }
    }
  }

  return {
    name: 'staff-broadcast-status',
    async handle(turn) {
      const api = turn.services.broadcasts;
      if (!api) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      const action = /^bc:(approve|cancel|stop|resume|retry|uncertain):(.+)$/.exec(turn.choice ?? '');
      if (action) return act(api, kit, turn, action[1]!, action[2]!);
      if (turn.event.kind !== 'text') return null;
      const f = folded(turn.text);
      if (turn.state.flow === LIST_FLOW) {
        const typed = /^huy (so )?(\d+)$/.exec(f);
        const ids = (turn.state.data as { ids?: string[] }).ids ?? [];
        if (typed && ids[Number(typed[2]) - 1]) return act(api, kit, turn, 'cancel', ids[Number(typed[2]) - 1]!);
      }
      if (turn.choice !== null) return null;
      // Zalo Bot has no buttons and a notification sets no options: "duyệt" approves by text.
      if (/^(duyet|duyet thong bao|dong y duyet)$/.test(f)) {
        const pending = await api.pendingApprovals(turn.user, turn.now);
        if (pending.length === 1) return act(api, kit, turn, 'approve', pending[0]!.id);
        if (pending.length === 0) return { replies: [kit.message('bc-nothing-to-approve')] };
        const buttons = pending.slice(0, 8).map((p, i) => ({ label: `${i + 1}`, value: `bc:approve:${p.id}` }));
        return { replies: [{ text: [kit.t('bc-choose-to-approve'), ...pending.slice(0, 8).map((p, i) => summaryLine(kit, p, i))].join('\n'), buttons }] };
      }
      if (ASKS_RESEND_UNCERTAIN.test(f)) {
        const latest = (await api.author(turn.user, turn.now)) ? await api.latest(turn.user, turn.now) : null;
        if (latest) return act(api, kit, turn, 'uncertain', latest.id);
      }
      const asksProgress = ASKS_PROGRESS.test(f);
      const asksSchedule = ASKS_SCHEDULE.test(f) || (!asksProgress && deps.understand(turn.text, turn.user).intent === 'staff.broadcast_list');
      if (!asksProgress && !asksSchedule) return null;
      if (!(await api.author(turn.user, turn.now))) return null;
      if (asksSchedule) return schedule(api, kit, turn);
      const latest = await api.latest(turn.user, turn.now);
      return latest ? progressReply(kit, latest) : { replies: [kit.message('bc-none-yet')] };
    },
  };
}
