import type { OutboundButton, OutboundMessage } from '../../core/outbound-message.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { Feature, Turn } from '../../conversation/turn.js';
import { vietnamYearOf } from '../../domain/iso-date.js';
import type { FeatureDeps } from '../feature-deps.js';
import { cadreTools } from './cadre-flow-state.js';
import { registrationLabel, statusText } from './cadre-replies.js';
import type { CadreProfile, RegistrationView } from './cadre-services.js';
import { findRegistrationCode, showDate, shorten } from './cadre-text.js';

/** What the cadre should do next, by status (domain §3.2). */
export function nextStepText(kit: ReplyKit, r: RegistrationView): string | null {
  switch (r.status) {
    case 'draft':
      return kit.t('status-next-draft');
    case 'submitted':
      return kit.t('status-next-submitted');
    case 'needs_revision':
      return kit.t('status-next-needs-revision');
    case 'accepted':
      return r.nextReport
        ? kit.t(r.nextReport.overdue ? 'status-next-report-overdue' : 'status-next-report', { kind: kit.t(`report-kind-${r.nextReport.kind}`), due: showDate(r.nextReport.dueDate) })
        : kit.t('status-next-accepted');
    case 'under_evaluation':
      return kit.t('status-next-under-evaluation');
    default:
      return null;
  }
}

/** One line of the list: code, title, status since a date, the next step, the reviewer's comment. */
function listLine(kit: ReplyKit, r: RegistrationView, index: number): string {
  const next = nextStepText(kit, r);
  const comment = r.status === 'needs_revision' || r.status === 'rejected' ? r.lastNote?.comment : undefined;
  return [
    kit.t('status-line', { n: index + 1, label: registrationLabel(r), status: statusText(kit, r).toLocaleUpperCase('vi'), since: showDate(r.statusSince) }),
    next ? `   ${kit.t('status-next-label')} ${next}` : null,
    comment ? `   ${kit.t('status-comment', { comment: shorten(comment, 200) })}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Buttons for what the owner (or a reviewer) can do with one registration. */
export function actionButtons(kit: ReplyKit, r: RegistrationView, profile: CadreProfile, n?: number): OutboundButton[] {
  const buttons: OutboundButton[] = [];
  const suffix = n === undefined ? '' : ` ${n}`;
  const owner = profile.roles.includes('cadre') || profile.roles.includes('admin');
  const staff = profile.roles.some((role) => role === 'reviewer' || role === 'approver');
  if (owner && r.status === 'needs_revision') buttons.push({ label: `${kit.t('status-btn-revise')}${suffix}`, value: `rv:revise:${r.id}` });
  if (owner && r.status === 'accepted') buttons.push({ label: `${kit.t('status-btn-report')}${suffix}`, value: `rp:pick:${r.id}` });
  if (owner && ['submitted', 'needs_revision', 'accepted'].includes(r.status) && n === undefined) buttons.push({ label: kit.t('status-btn-withdraw'), value: `wd:pick:${r.id}` });
  if (staff && n === undefined) buttons.push({ label: kit.t('review-btn-open'), value: `rv:open:${r.id}` });
  return buttons;
}

export function detailMessage(kit: ReplyKit, r: RegistrationView, profile: CadreProfile): OutboundMessage {
  const next = nextStepText(kit, r);
  const lines = [
    kit.t('status-detail', {
      label: registrationLabel(r, 120),
      status: statusText(kit, r),
      since: showDate(r.statusSince),
      unit: r.subjectUnitName,
      category: r.category ? kit.t(`reg-category-${r.category}`) : '—',
      field: r.field ? kit.t(`reg-field-${r.field}`) : '—',
      year: String(r.year),
    }),
    r.late ? kit.t('status-late') : null,
    r.lastNote && r.status !== 'recognized' ? kit.t('status-comment', { comment: r.lastNote.comment }) : null,
    next ? `${kit.t('status-next-label')} ${next}` : null,
  ];
  const buttons = actionButtons(kit, r, profile);
  return { text: lines.filter(Boolean).join('\n'), ...(buttons.length > 0 ? { buttons } : {}) };
}

/**
 * "Hồ sơ của tôi tới đâu rồi?" (domain §3.2): the cadre's registrations with the status
 * wording and the next step; a code lookup only for the owning unit's cadres and the
 * reviewers in scope (others learn nothing, not even that the code exists); a few
 * words of a title ("mô hình vỉa hè") find the registration they name.
 */
export function createModelStatusFeature(deps: FeatureDeps): Feature {
  async function list(turn: Turn, profile: CadreProfile) {
    const { kit, api } = cadreTools(turn, deps.translator)!;
    const mine = (await api.registrations.listMine(turn.user, turn.now)).filter((r) => r.status !== 'draft' || r.title);
    if (mine.length === 0) return { replies: [kit.message('status-none', undefined, [kit.button('menu-register', 'menu:register')])] };
    const text = [kit.t('status-list-head', { count: mine.length, year: String(vietnamYearOf(turn.now)) }), ...mine.slice(0, 8).map((r, i) => listLine(kit, r, i))].join('\n');
    const buttons = mine.slice(0, 8).flatMap((r, i) => actionButtons(kit, r, profile, i + 1));
    const details = mine.slice(0, 8).filter((r) => r.status !== 'needs_revision').slice(0, 3).map((r) => ({ label: `${kit.t('status-btn-detail')} ${mine.indexOf(r) + 1}`, value: `st:detail:${r.id}` }));
    return { replies: [{ text, buttons: [...buttons, ...details].slice(0, 8) }] };
  }

  return {
    name: 'cadre-model-status',
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      const detailId = turn.choice?.startsWith('st:detail:') ? turn.choice.slice(10) : null;
      const fromMenu = turn.choice === 'menu:status';
      if (!detailId && !fromMenu && (turn.event.kind !== 'text' || turn.choice !== null)) return null;
      const u = detailId || fromMenu ? null : deps.understand(turn.text, turn.user);
      const code = u ? ((u.slots.code as string | undefined) ?? findRegistrationCode(turn.text)) : null;
      // Tried after the other cadre features: a bare code left over here is a lookup.
      if (u && u.intent !== 'model.status' && !code) return null;
      const profile = await tools.api.profile(turn.user, turn.now);
      if (!profile) return null;
      const { kit, api } = tools;
      if (detailId) {
        const view = await api.registrations.get(turn.user, detailId, turn.now);
        return { replies: [view ? detailMessage(kit, view, profile) : kit.message('cadre-not-found-or-hidden')] };
      }
      if (code) {
        const view = await api.registrations.findByCode(turn.user, code, turn.now);
        return { replies: [view ? detailMessage(kit, view, profile) : kit.message('cadre-not-found-or-hidden')] };
      }
      if (u) {
        const found = await api.registrations.searchByTitle(turn.user, turn.text, turn.now);
        if (found.length === 1) return { replies: [detailMessage(kit, found[0]!, profile)] };
        if (found.length > 1) {
          const text = [kit.t('status-search-head', { count: found.length }), ...found.map((r, i) => listLine(kit, r, i))].join('\n');
          return { replies: [{ text, buttons: found.map((r, i) => ({ label: `${kit.t('status-btn-detail')} ${i + 1}`, value: `st:detail:${r.id}` })) }] };
        }
      }
      return list(turn, profile);
    },
  };
}
