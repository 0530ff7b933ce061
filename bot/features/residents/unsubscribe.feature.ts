import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { folded, reply, residentKit, residentStore, understandTurn } from './resident-turn.js';

/**
 * The stop words must work even where the NLU is not wired or unsure: "hủy nhận tin",
 * "đừng gửi nữa", "stop", "/stop", "unsubscribe" (folded). "hủy đăng ký mô hình" is a
 * withdrawal, not this, hence the object words.
 */
const STOP_WORDS =
  /^\/?(stop|unsubscribe|dung lai)$|\b(huy|ngung|dung|thoi|tat|bo) (dang ky |dk )?(nhan )?(tin|thong bao|nhac)\b|\b(dung|khong|ko|dung co) gui (tin |thong bao )?(nua|cho toi|cho minh)\b|\bkhong (muon )?nhan (tin|thong bao)( nua)?\b/;

/**
 * Unsubscribe wins over everything, even mid-flow of another feature (the lead may place
 * it first in the bot): opting out is recorded at once and the user's flow is left as it was.
 */
export function createUnsubscribeFeature(deps: FeatureDeps): Feature {
  return {
    name: 'residents-unsubscribe',
    async handle(turn) {
      const store = residentStore(turn);
      if (!store || turn.event.kind !== 'text' || turn.choice !== null) return null;
      const text = folded(turn);
      // In another feature's flow a bare "thôi" / "dừng" cancels that flow (domain
      // §3.1); only an explicit stop phrase means "stop sending me notices" there.
      const inOtherFlow = turn.state.flow !== null && !turn.state.flow.startsWith('residents');
      const matched = STOP_WORDS.test(text) || (!inOtherFlow && (() => {
        const u = understandTurn(deps, turn);
        return u.intent === 'unsubscribe' && u.confidence >= 0.6;
      })());
      if (!matched) return null;
      const before = await store.subscribers.unsubscribe({ userId: turn.user.userId, at: turn.now, channel: turn.event.channel });
      const kit = residentKit(deps, turn);
      // Keep any other flow; only the resident question in view is dropped.
      return reply(turn, [kit.message(before?.active ? 'res-unsubscribed' : 'res-unsubscribed-none')], null);
    },
  };
}
