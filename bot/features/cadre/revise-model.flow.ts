import type { Feature, Turn, TurnOutcome } from '../../conversation/turn.js';
import { foldText, normalizeStoredText } from '../../core/fold.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools, idle, inFlow, type CadreTurnTools } from './cadre-flow-state.js';
import { refusalText } from './cadre-replies.js';
import type { RegistrationView } from './cadre-services.js';
import { findRegistrationCode, isCancel } from './cadre-text.js';
import type { AttachmentRef } from '../attachments/attachment-services.js';
import { limitsText, receiveInStep } from '../attachments/receive-in-step.js';

const FLOW = CADRE_FLOWS.revise;

/** Words of a reviewer's comment → the registration column it asks for (domain §2.1 evaluation fields). */
const COMMENT_ITEMS: ReadonlyArray<[RegExp, string]> = [
  [/\b(tieu chi|muc tieu)\b/, 'goalsAndCriteria'],
  [/\b(so ho|so nguoi|so luong|doi tuong|dia ban|tham gia|huong loi)\b/, 'scopeAndBeneficiaries'],
  [/\b(cach lam|cach thuc|phuong phap|noi dung thuc hien)\b/, 'method'],
  [/\b(ket qua|san pham|minh chung|so lieu|hieu qua)\b/, 'outputs'],
  [/\b(luc luong|phoi hop|chu tri)\b/, 'forces'],
  [/\b(kinh phi|nguon luc|thoi gian|lo trinh|xa hoi hoa)\b/, 'resourcesAndTimeline'],
  [/\b(thuc trang|ly do|van de)\b/, 'rationale'],
  [/\b(duy tri|nhan rong|ben vung)\b/, 'sustainability'],
  [/\b(ten mo hinh|doi ten|sua ten)\b/, 'title'],
  [/\b(mo ta|tom tat)\b/, 'summary'],
  [/\b(dia diem|dia chi)\b/, 'location'],
];

/** Ask only for what the comment names, plus whatever submission still lacks. */
export function itemsToAsk(view: Pick<RegistrationView, 'summary' | 'lastNote'>): string[] {
  const comment = foldText(view.lastNote?.comment ?? '');
  const items = COMMENT_ITEMS.filter(([pattern]) => pattern.test(comment)).map(([, column]) => column);
  if ((view.summary ?? '').trim().length < 30 && !items.includes('summary')) items.push('summary');
  return items.length > 0 ? [...new Set(items)] : ['summary'];
}

interface ReviseData {
  registrationId: string;
  code: string | null;
  items: string[];
  answers: Record<string, string>;
  /** Photos and files sent during the revision (stored; added to the registration on resubmission). */
  attachments?: AttachmentRef[];
}

/**
 * Revision after "Cần bổ sung" (domain §3.2): show the reviewer's comment, ask only for
 * the missing items one by one, then resubmit (T8) and tell the reviewers.
 */
export function createReviseModelFlow(deps: FeatureDeps): Feature {
  function ask(tools: CadreTurnTools, turn: Turn, data: ReviseData, lead?: string): TurnOutcome {
    const item = data.items[Object.keys(data.answers).length]!;
    const asked = tools.kit.t(item === 'summary' ? 'rev-ask-summary' : 'rev-ask-item', { item: tools.kit.t(`rev-item-${item}`) });
    // The first question says that evidence may come as photos or files.
    const text = Object.keys(data.answers).length === 0 && !data.attachments?.length ? `${asked}\n${tools.kit.t('att-hint-step', { limits: limitsText(tools.kit) })}` : asked;
    return { replies: [{ text: lead ? `${lead}\n${text}` : text }], state: inFlow(turn, FLOW, 'collect', data) };
  }

  async function begin(tools: CadreTurnTools, turn: Turn, view: RegistrationView): Promise<TurnOutcome> {
    if (view.status !== 'needs_revision') {
      return { replies: [tools.kit.message('rev-not-needed', { code: view.code ?? '—', status: tools.kit.t(`status-${view.status.replace(/_/g, '-')}`) })] };
    }
    const items = itemsToAsk(view);
    const lead = tools.kit.t('rev-intro', {
      code: view.code ?? '—',
      comment: view.lastNote?.comment ?? tools.kit.t('rev-no-comment'),
      items: items.map((i) => tools.kit.t(`rev-item-${i}`)).join(', '),
    });
    return ask(tools, turn, { registrationId: view.id, code: view.code, items, answers: {} }, lead);
  }

  async function collect(tools: CadreTurnTools, turn: Turn, data: ReviseData): Promise<TurnOutcome> {
    const { kit, api } = tools;
    if (isCancel(turn.text)) return { replies: [kit.message('rev-cancelled', { code: data.code ?? '—' })], state: idle(turn) };
    const item = data.items[Object.keys(data.answers).length]!;
    const answer = normalizeStoredText(turn.text);
    const minimum = item === 'summary' ? 30 : 5;
    if (answer.length < minimum) {
      return { replies: [kit.message(item === 'summary' ? 'reg-hint-summary' : 'rev-hint-short', { length: answer.length })], state: inFlow(turn, FLOW, 'collect', data) };
    }
    const next = { ...data, answers: { ...data.answers, [item]: answer } };
    if (Object.keys(next.answers).length < next.items.length) return ask(tools, turn, next);
    const result = await api.registrations.revise(turn.user, data.registrationId, next.answers, turn.now, data.attachments ?? []);
    if (!result.ok) return { replies: [{ text: refusalText(kit, result) }], state: idle(turn) };
    await api.notifications.notifyReviewers(
      (await api.registrations.get(turn.user, data.registrationId, turn.now))?.subjectUnitId ?? '',
      (locale) => ({
        text: deps.translator.t(locale, 'review-notify-resubmitted', { code: result.code ?? data.code ?? '—' }),
        buttons: [{ label: deps.translator.t(locale, 'review-btn-open'), value: `rv:open:${data.registrationId}` }],
      }),
      turn.now,
    );
    return { replies: [kit.message('rev-resubmitted', { code: result.code ?? data.code ?? '—' })], state: idle(turn) };
  }

  /** Photos and files (evidence, minutes) sent while items are collected: stored first, a caption answers the item. */
  async function withAttachments(tools: CadreTurnTools, turn: Turn, data: ReviseData): Promise<TurnOutcome> {
    const received = await receiveInStep(turn, tools.kit, data.attachments ?? []);
    if (received.kind === 'none') return collect(tools, turn, data);
    if (received.kind === 'failed') return { replies: [{ text: received.line }], state: inFlow(turn, FLOW, 'collect', data) };
    const withFiles: ReviseData = { ...data, attachments: received.attachments };
    const caption = turn.event.kind === 'text' ? turn.text.trim() : '';
    if (caption === '') return ask(tools, turn, withFiles, received.line);
    const outcome = await collect(tools, turn, withFiles);
    const [first, ...rest] = outcome.replies;
    return { ...outcome, replies: first ? [{ ...first, text: `${received.line}\n${first.text}` }, ...rest] : [{ text: received.line }] };
  }

  return {
    name: 'cadre-revise-model',
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      if (turn.state.flow === FLOW) return withAttachments(tools, turn, turn.state.data as unknown as ReviseData);
      const picked = turn.choice?.startsWith('rv:revise:') ? turn.choice.slice(10) : null;
      if (!picked && (turn.event.kind !== 'text' || turn.choice !== null || turn.state.flow !== null)) return null;
      const u = picked ? null : deps.understand(turn.text, turn.user);
      if (u && u.intent !== 'model.edit') return null;
      const profile = await tools.api.profile(turn.user, turn.now);
      if (!profile || !(profile.roles.includes('cadre') || profile.roles.includes('admin'))) return null;
      const { api, kit } = tools;
      if (picked) {
        const view = await api.registrations.get(turn.user, picked, turn.now);
        return view ? begin(tools, turn, view) : { replies: [kit.message('cadre-not-found-or-hidden')] };
      }
      const code = (u?.slots.code as string | undefined) ?? findRegistrationCode(turn.text);
      if (code) {
        const view = await api.registrations.findByCode(turn.user, code, turn.now);
        return view ? begin(tools, turn, view) : { replies: [kit.message('cadre-not-found-or-hidden')] };
      }
      const returned = (await api.registrations.listMine(turn.user, turn.now)).filter((r) => r.status === 'needs_revision');
      if (returned.length === 1) return begin(tools, turn, returned[0]!);
      if (returned.length === 0) return { replies: [kit.message('rev-none')] };
      return {
        replies: [
          {
            text: kit.t('rev-choose'),
            buttons: returned.slice(0, 6).map((r) => ({ label: `${r.code ?? '—'} ${r.title ?? ''}`.slice(0, 60), value: `rv:revise:${r.id}` })),
          },
        ],
      };
    },
  };
}
