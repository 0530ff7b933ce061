import type { OutboundMessage } from '../../core/outbound-message.js';
import type { Feature, Turn } from '../../conversation/turn.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { RegistrationEvent } from '../../domain/registration-status.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools, inFlow } from './cadre-flow-state.js';
import { registrationLabel, statusText } from './cadre-replies.js';
import type { RegistrationView } from './cadre-services.js';
import { commandText, showDate, shorten } from './cadre-text.js';
import { attachmentNames } from '../attachments/receive-in-step.js';
import { maskPhonesInText } from '../../core/mask-phone.js';

const QUEUE_WORDS = /\b(ho so )?(cho (duyet|xu ly|tiep nhan|tham dinh|cong nhan)|can (duyet|xu ly))\b|^(danh sach )?ho so cho\b|^hang cho\b/;

/** Staff menu entry or "hồ sơ chờ duyệt": the work waiting in the reviewer's or approver's scope. */
export function wantsQueue(turn: Turn): boolean {
  if (turn.choice === 'menu:review' || turn.choice === 'rv:queue') return true;
  return turn.event.kind === 'text' && turn.choice === null && QUEUE_WORDS.test(commandText(turn.text));
}

export function actionButtonsFor(kit: ReplyKit, events: readonly RegistrationEvent[]) {
  return events.map((e) => ({ label: kit.t(`event-${e.replace(/_/g, '-')}`), value: `rv:do:${e}` }));
}

/** The registration a reviewer opened, with what they may do now as buttons. */
export function reviewCard(kit: ReplyKit, r: RegistrationView, events: readonly RegistrationEvent[]): OutboundMessage {
  const text = [
    kit.t('review-card', {
      label: registrationLabel(r, 120),
      status: statusText(kit, r),
      unit: r.subjectUnitName,
      category: r.category ? kit.t(`reg-category-${r.category}`) : '—',
      subject: r.subjectType === 'ca_nhan' ? (r.personName ?? '—') : kit.t('review-collective'),
      field: r.field ? kit.t(`reg-field-${r.field}`) : '—',
      contact: r.contactName ?? '—',
      since: showDate(r.statusSince),
    }),
    // Free text a cadre typed may carry someone's phone: reviewers see it masked (personal data rule).
    r.summary ? kit.t('review-card-summary', { summary: maskPhonesInText(shorten(r.summary, 300)) }) : null,
    r.attachments.length > 0 ? kit.t('att-review-line', { count: r.attachments.length, names: attachmentNames(r.attachments) }) : null,
    r.late ? kit.t('status-late') : null,
    r.lastNote ? kit.t('status-comment', { comment: maskPhonesInText(r.lastNote.comment) }) : null,
    events.length === 0 ? kit.t('review-nothing-to-do') : null,
  ].filter(Boolean);
  const buttons = actionButtonsFor(kit, events);
  return { text: text.join('\n'), ...(buttons.length > 0 ? { buttons } : {}) };
}

/**
 * Reviewers and approvers list what waits for them in their scope, and open one
 * registration to act on it (the actions are in review-actions.flow.ts).
 */
export function createReviewQueueFeature(deps: FeatureDeps): Feature {
  return {
    name: 'cadre-review-queue',
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      const openId = turn.choice?.startsWith('rv:open:') ? turn.choice.slice(8) : null;
      if (!openId && !wantsQueue(turn)) return null;
      const profile = await tools.api.profile(turn.user, turn.now);
      if (!profile) return null;
      const { kit, api } = tools;
      const staff = profile.roles.some((r) => r === 'reviewer' || r === 'approver' || r === 'admin');
      if (!staff) return { replies: [kit.message(profile.rolesSuspended ? 'cadre-roles-suspended' : 'review-not-staff')] };
      if (openId) {
        const view = await api.registrations.get(turn.user, openId, turn.now);
        if (!view) return { replies: [kit.message('cadre-not-found-or-hidden')] };
        const events = await api.review.allowedActions(turn.user, openId, turn.now);
        return { replies: [reviewCard(kit, view, events)], state: inFlow(turn, CADRE_FLOWS.review, 'actions', { registrationId: view.id, code: view.code, title: view.title }) };
      }
      const queue = await api.review.queue(turn.user, turn.now);
      if (queue.length === 0) return { replies: [kit.message('review-queue-empty')] };
      const lines = queue.map((r, i) => `${i + 1}) ${registrationLabel(r)} – ${statusText(kit, r)} – ${r.subjectUnitName}`);
      return {
        replies: [{ text: [kit.t('review-queue-head', { count: queue.length }), ...lines].join('\n'), buttons: queue.map((r, i) => ({ label: `${i + 1} ${r.code ?? '—'}`, value: `rv:open:${r.id}` })) }],
      };
    },
  };
}
