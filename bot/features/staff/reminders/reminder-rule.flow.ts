import type { Feature, Turn, TurnOutcome } from '../../../conversation/turn.js';
import { createReplyKit, type ReplyKit } from '../../../conversation/reply-kit.js';
import type { IsoDate } from '../../../domain/iso-date.js';
import type { ReportKind } from '../../../domain/registration-status.js';
import { idle, inFlow, isIdleExpired } from '../../cadre/cadre-flow-state.js';
import { isCancel, isYes, showDate, showTime } from '../../cadre/cadre-text.js';
import type { FeatureDeps } from '../../feature-deps.js';
import { upcomingDate } from '../staff-dates.js';
import { isScheduleRequest } from './reminder-list.feature.js';
import type { ReportRulePreview, StaffRemindersApi } from './reminder-services.js';
import { reportKindFrom, RULE_REPORT_KINDS } from './report-kind-choice.js';

export const REMINDER_RULE_FLOW = 'staff.reminder_rule';

interface RuleData {
  reportKind: ReportKind | null;
  dueDate: IsoDate | null;
}

/** "08:00 08/06/2026, 08:00 12/06/2026 …" */
export function momentsText(moments: readonly Date[]): string {
  return moments.map((m) => `${showTime(m)} ${showDate(m)}`).join(', ');
}

/**
 * Staff set report reminders by chat (domain §3.5): "nhắc các mô hình chưa nộp báo cáo
 * sơ kết trước 15/6" → a preview with the number of registrations it concerns and the
 * moments (T-7, T-3, T-1 at 08:00 and the day) → confirm. Missing parts are asked for;
 * buttons and typed numbers both work.
 */
export function createReminderRuleFlow(deps: FeatureDeps): Feature {
  const save = (turn: Turn, step: string, data: RuleData) => inFlow(turn, REMINDER_RULE_FLOW, step, data);

  function previewReply(kit: ReplyKit, data: RuleData, preview: ReportRulePreview) {
    const lines = [
      kit.t('rm-preview', { targets: preview.targets, kind: kit.t(`report-kind-${data.reportKind!}`), scope: preview.scopeName, due: showDate(data.dueDate!), moments: momentsText(preview.moments) }),
      ...(preview.targets === 0 ? [kit.t('rm-preview-none')] : []),
    ];
    return { text: lines.join('\n'), buttons: [kit.button('rm-btn-confirm', 'rm:yes'), kit.button('rm-btn-cancel', 'rm:no')] };
  }

  async function next(api: StaffRemindersApi, kit: ReplyKit, turn: Turn, data: RuleData): Promise<TurnOutcome> {
    if (!data.reportKind) {
      const buttons = RULE_REPORT_KINDS.map((k) => kit.button(`rm-kind-choice-${k}`, `rm:kind:${k}`));
      return { replies: [kit.message('rm-ask-kind', undefined, buttons)], state: save(turn, 'kind', data) };
    }
    if (!data.dueDate) return { replies: [kit.message('rm-ask-due')], state: save(turn, 'due', data) };
    const preview = await api.previewReportRule(turn.user, { reportKind: data.reportKind, dueDate: data.dueDate }, turn.now);
    if (!preview.ok) {
      if (preview.reason === 'due_passed') return { replies: [kit.message('rm-due-past', { due: showDate(data.dueDate) })], state: save(turn, 'due', { ...data, dueDate: null }) };
      return { replies: [kit.message('rm-not-allowed')], state: idle(turn) };
    }
    return { replies: [previewReply(kit, data, preview)], state: save(turn, 'confirm', data) };
  }

  async function answer(api: StaffRemindersApi, kit: ReplyKit, turn: Turn): Promise<TurnOutcome> {
    const data = turn.state.data as unknown as RuleData;
    if (turn.choice === 'rm:no' || (turn.choice === null && isCancel(turn.text))) return { replies: [kit.message('rm-cancelled')], state: idle(turn) };
    switch (turn.state.step) {
      case 'kind': {
        const kind = reportKindFrom(turn.choice?.replace(/^rm:kind:/, '')) ?? reportKindFrom(deps.understand(turn.text, turn.user).slots.reportKind);
        if (!kind) return { replies: [kit.message('rm-ask-kind', undefined, turn.state.lastButtons ?? undefined)], state: save(turn, 'kind', data) };
        return next(api, kit, turn, { ...data, reportKind: kind });
      }
      case 'due': {
        const due = upcomingDate(deps.understand(turn.text, turn.user).slots.date, turn.text, turn.now);
        if (!due) return { replies: [kit.message('rm-ask-due')], state: save(turn, 'due', data) };
        return next(api, kit, turn, { ...data, dueDate: due });
      }
      default: {
        if (turn.choice !== 'rm:yes' && !(turn.choice === null && isYes(turn.text))) {
          return { replies: [kit.message('rm-hint-confirm', undefined, turn.state.lastButtons ?? undefined)], state: save(turn, 'confirm', data) };
        }
        const created = await api.createReportRule(turn.user, { reportKind: data.reportKind!, dueDate: data.dueDate! }, turn.now);
        if (!created.ok) return { replies: [kit.message(created.reason === 'due_passed' ? 'rm-due-past' : 'rm-not-allowed', { due: showDate(data.dueDate!) })], state: idle(turn) };
        return {
          replies: [kit.message('rm-created', { kind: kit.t(`report-kind-${data.reportKind!}`), due: showDate(data.dueDate!), targets: created.targets })],
          state: idle(turn),
        };
      }
    }
  }

  return {
    name: 'staff-reminder-rule',
    async handle(turn) {
      const api = turn.services.staffReminders;
      if (!api) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      if (turn.state.flow === REMINDER_RULE_FLOW) return answer(api, kit, turn);
      // Another feature's flow keeps the turn unless it went idle.
      if (turn.event.kind !== 'text' || turn.choice !== null || (turn.state.flow && !isIdleExpired(turn))) return null;
      const u = deps.understand(turn.text, turn.user);
      if (u.intent !== 'staff.reminder_create' || isScheduleRequest(turn.text, u.slots)) return null;
      return next(api, kit, turn, { reportKind: reportKindFrom(u.slots.reportKind), dueDate: upcomingDate(u.slots.date, turn.text, turn.now) });
    },
  };
}
