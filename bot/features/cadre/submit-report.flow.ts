import type { Feature, Turn, TurnOutcome } from '../../conversation/turn.js';
import type { ReportKind } from '../../domain/registration-status.js';
import { normalizeStoredText } from '../../core/fold.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools, idle, inFlow, type CadreTurnTools } from './cadre-flow-state.js';
import { refusalText, registrationLabel, statusText } from './cadre-replies.js';
import type { RegistrationView } from './cadre-services.js';
import { findRegistrationCode, isCancel, isNone, showDate } from './cadre-text.js';
import type { AttachmentRef } from '../attachments/attachment-services.js';
import { attachmentNames, limitsText, receiveInStep } from '../attachments/receive-in-step.js';

const FLOW = CADRE_FLOWS.report;

interface ReportData {
  registrationId: string | null;
  code: string | null;
  kind: ReportKind | null;
  resultsText?: string;
  difficulties?: string | null;
  /** Photos and files sent during the report (stored; linked to the report when it is filed). */
  attachments?: AttachmentRef[];
}

function kindFromSlot(value: unknown): ReportKind | null {
  if (value === 'so_ket' || value === 'so_ket_6_thang') return 'so_ket_6_thang';
  if (value === 'tong_ket' || value === 'tong_ket_nam') return 'tong_ket_nam';
  return null;
}

function periodOf(kind: ReportKind, year: number): string {
  return kind === 'so_ket_6_thang' ? `${year}-H1` : `${year}`;
}

/**
 * Sơ kết / tổng kết by chat (domain §3.5): which registration, which kind, then results
 * with numbers, difficulties and proposals. One report per kind and period; a report for
 * a registration that is not accepted is refused with the reason before any question.
 */
export function createSubmitReportFlow(deps: FeatureDeps): Feature {
  function save(turn: Turn, step: string, data: ReportData) {
    return inFlow(turn, FLOW, step, data);
  }

  /** The next question, or the refusal, once the registration and the kind may be known. */
  async function next(tools: CadreTurnTools, turn: Turn, data: ReportData): Promise<TurnOutcome> {
    const { kit, api } = tools;
    if (!data.registrationId) {
      const mine = (await api.registrations.listMine(turn.user, turn.now)).filter((r) => r.status !== 'draft');
      const accepted = mine.filter((r) => r.status === 'accepted');
      if (accepted.length === 1 && mine.length === 1) return next(tools, turn, { ...data, registrationId: accepted[0]!.id, code: accepted[0]!.code });
      if (mine.length === 0) return { replies: [kit.message('rp-none')], state: idle(turn) };
      const shown = [...accepted, ...mine.filter((r) => r.status !== 'accepted')].slice(0, 6);
      const lines = shown.map((r, i) => `${i + 1}) ${registrationLabel(r)} – ${statusText(kit, r)}`);
      return { replies: [{ text: [kit.t('rp-choose'), ...lines].join('\n'), buttons: shown.map((r, i) => ({ label: `${i + 1} ${r.code ?? '—'}`, value: `rp:pick:${r.id}` })) }], state: save(turn, 'pick', data) };
    }
    const view = await api.registrations.get(turn.user, data.registrationId, turn.now);
    if (!view) return { replies: [kit.message('cadre-not-found-or-hidden')], state: idle(turn) };
    const refusal = refusalFor(tools, view, data.kind);
    if (refusal) return { replies: [{ text: refusal }], state: idle(turn) };
    if (!data.kind) {
      const buttons = [kit.button('report-kind-so_ket_6_thang', 'rp:kind:so_ket_6_thang'), kit.button('report-kind-tong_ket_nam', 'rp:kind:tong_ket_nam')];
      return { replies: [kit.message('rp-ask-kind', { label: registrationLabel(view) }, buttons)], state: save(turn, 'kind', { ...data, code: view.code }) };
    }
    if (data.resultsText === undefined) {
      const ask = kit.t('rp-ask-results', { kind: kit.t(`report-kind-${data.kind}`), label: registrationLabel(view) });
      return { replies: [{ text: `${ask}\n${kit.t('att-hint-step', { limits: limitsText(kit) })}` }], state: save(turn, 'results', { ...data, code: view.code }) };
    }
    if (data.difficulties === undefined) return { replies: [kit.message('rp-ask-difficulties')], state: save(turn, 'difficulties', data) };
    return { replies: [kit.message('rp-ask-proposals')], state: save(turn, 'proposals', data) };
  }

  function refusalFor(tools: CadreTurnTools, view: RegistrationView, kind: ReportKind | null): string | null {
    if (view.status !== 'accepted') return refusalText(tools.kit, { ok: false, reason: 'report-needs-accepted', args: { status: view.status } });
    if (kind && view.reports.some((r) => r.kind === kind && r.period === periodOf(kind, view.year))) {
      return refusalText(tools.kit, { ok: false, reason: 'report-duplicate', args: { kind, period: periodOf(kind, view.year) } });
    }
    return null;
  }

  async function answer(tools: CadreTurnTools, turn: Turn): Promise<TurnOutcome> {
    const { kit, api } = tools;
    const data = turn.state.data as unknown as ReportData;
    const step = turn.state.step;
    if (turn.choice === null && isCancel(turn.text)) return { replies: [kit.message('rp-cancelled')], state: idle(turn) };
    if (step === 'pick') {
      const id = turn.choice?.startsWith('rp:pick:') ? turn.choice.slice(8) : null;
      if (!id) return { replies: [kit.message('rp-choose', undefined, turn.state.lastButtons ?? undefined)], state: save(turn, 'pick', data) };
      return next(tools, turn, { ...data, registrationId: id });
    }
    if (step === 'kind') {
      const kind = kindFromSlot(turn.choice?.replace(/^rp:kind:/, '')) ?? kindFromSlot(deps.understand(turn.text, turn.user).slots.reportKind);
      if (!kind) return { replies: [kit.message('rp-hint-kind', undefined, turn.state.lastButtons ?? undefined)], state: save(turn, 'kind', data) };
      return next(tools, turn, { ...data, kind });
    }
    const text = normalizeStoredText(turn.text);
    if (step === 'results') {
      if (!/\d/.test(text) || text.length < 10) return { replies: [kit.message('rp-hint-results')], state: save(turn, 'results', data) };
      return next(tools, turn, { ...data, resultsText: text });
    }
    if (step === 'difficulties') return next(tools, turn, { ...data, difficulties: isNone(text) ? null : text });
    const result = await api.registrations.attachReport(
      turn.user,
      data.registrationId!,
      { kind: data.kind!, resultsText: data.resultsText!, difficulties: data.difficulties ?? null, proposals: isNone(text) ? null : text, attachments: data.attachments ?? [] },
      turn.now,
    );
    if (!result.ok) return { replies: [{ text: refusalText(kit, result) }], state: idle(turn) };
    const files = data.attachments ?? [];
    const lines = [
      kit.t('rp-done', { kind: kit.t(`report-kind-${data.kind}`), date: showDate(turn.now), code: result.code ?? data.code ?? '—' }),
      files.length > 0 ? kit.t('att-review-line', { count: files.length, names: attachmentNames(files) }) : null,
      ...result.warnings.map((w) => kit.t(w)),
    ].filter((line): line is string => line !== null);
    return { replies: [{ text: lines.join('\n') }], state: idle(turn) };
  }

  /**
   * Photos and files at any step of the report are fetched and stored first (a
   * failed fetch changes nothing and asks to send again); a caption then answers the
   * step, a bare file gets the current question again.
   */
  async function withAttachments(tools: CadreTurnTools, turn: Turn): Promise<TurnOutcome> {
    const data = turn.state.data as unknown as ReportData;
    const received = await receiveInStep(turn, tools.kit, data.attachments ?? []);
    if (received.kind === 'none') return answer(tools, turn);
    if (received.kind === 'failed') return { replies: [{ text: received.line, ...(turn.state.lastButtons ? { buttons: turn.state.lastButtons } : {}) }], state: save(turn, turn.state.step ?? 'pick', data) };
    const withFiles: ReportData = { ...data, attachments: received.attachments };
    const caption = turn.event.kind === 'text' ? turn.text.trim() : '';
    const outcome = caption === '' ? await next(tools, turn, withFiles) : await answer(tools, { ...turn, state: { ...turn.state, data: withFiles as unknown as Record<string, unknown> } });
    const [first, ...rest] = outcome.replies;
    return { ...outcome, replies: first ? [{ ...first, text: `${received.line}\n${first.text}` }, ...rest] : [{ text: received.line }] };
  }

  return {
    name: 'cadre-submit-report',
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      if (turn.state.flow === FLOW) return withAttachments(tools, turn);
      // A report reminder's "Nộp báo cáo ngay" carries the registration and the kind: rp:pick:<id>:<kind>.
      const [picked = null, pickedKind = null] = turn.choice?.startsWith('rp:pick:') ? turn.choice.slice(8).split(':') : [];
      const fromMenu = turn.choice === 'menu:report';
      if (!picked && !fromMenu && (turn.event.kind !== 'text' || turn.choice !== null)) return null;
      const u = picked || fromMenu ? null : deps.understand(turn.text, turn.user);
      if (u && u.intent !== 'report.submit') return null;
      const profile = await tools.api.profile(turn.user, turn.now);
      if (!profile || !(profile.roles.includes('cadre') || profile.roles.includes('admin'))) return null;
      const data: ReportData = { registrationId: picked, code: null, kind: kindFromSlot(pickedKind) ?? kindFromSlot(u?.slots.reportKind) };
      const code = u ? ((u.slots.code as string | undefined) ?? findRegistrationCode(turn.text)) : null;
      if (code) {
        const view = await tools.api.registrations.findByCode(turn.user, code, turn.now);
        if (!view) return { replies: [tools.kit.message('cadre-not-found-or-hidden')] };
        data.registrationId = view.id;
      } else if (u && !picked) {
        const byTitle = await tools.api.registrations.searchByTitle(turn.user, turn.text.replace(/\b(b[aá]o c[aá]o|bc|s[ơo] k[ếe]t|t[ổo]ng k[ếe]t|n[ộo]p)\b/giu, ' '), turn.now);
        if (byTitle.length === 1) data.registrationId = byTitle[0]!.id;
      }
      return next(tools, turn, data);
    },
  };
}
