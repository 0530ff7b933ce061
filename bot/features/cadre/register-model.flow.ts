import type { OutboundMessage } from '../../core/outbound-message.js';
import type { Feature, Turn, TurnOutcome } from '../../conversation/turn.js';
import type { Understanding } from '../../conversation/understanding.js';
import { vietnamYearOf } from '../../domain/iso-date.js';
import { suggestDiacritics } from '../../nlu/index.js';
import type { FeatureDeps } from '../feature-deps.js';
import { CADRE_FLOWS, cadreTools, idle, inFlow, isIdleExpired, type CadreTurnTools } from './cadre-flow-state.js';
import { refusalText } from './cadre-replies.js';
import type { CadreProfile } from './cadre-services.js';
import { editStepNumber, isBack, isCancel, isResume, shorten, titleSuggestion } from './cadre-text.js';
import type { RegisterData, RegisterStep } from './register-model.draft.js';
import { emptyDraft, fromDraftFields, hasPrefill, nextMissingStep, prefillFromSlots, readRegisterData, stepForNumber, stepNumber, toDraftFields, TOTAL_STEPS } from './register-model.draft.js';
import { askStep, answerStep } from './register-model.steps.js';
import { answerSecondaryQuestion } from '../secondary-question.js';
import { registrationDeadlineAnswer } from './registration-deadline.answer.js';
import { applyEdit, revertEdit, summaryButtons, summaryMessage, wantsRevert, wantsSubmit } from './register-model.summary.js';
import { receiveInStep } from '../attachments/receive-in-step.js';
import { answeredStep, rememberAnswer } from './register-model.correction.js';

const FLOW = CADRE_FLOWS.register;
const MAX_FAILURES = 3;

interface Ctx extends CadreTurnTools {
  turn: Turn;
  profile: CadreProfile;
  u: Understanding;
}

/**
 * Register a model by chat (domain §3.1): seven steps with prefill from the first
 * message, a specific hint for every wrong answer, the summary with one-field edits
 * and undo, cancel/resume, going back, idle resume, duplicates and late submissions.
 */
export function createRegisterModelFlow(deps: FeatureDeps): Feature & { start(turn: Turn, profile: CadreProfile, slots: Record<string, unknown>, lead?: string): Promise<TurnOutcome> } {
  async function start(turn: Turn, profile: CadreProfile, slots: Record<string, unknown>, lead?: string): Promise<TurnOutcome> {
    const tools = cadreTools(turn, deps.translator)!;
    const ctx: Ctx = { ...tools, turn, profile, u: { intent: 'model.register', confidence: 1, slots } };
    if (!profile.roles.includes('cadre') && !profile.roles.includes('admin')) {
      return { replies: [tools.kit.message(profile.rolesSuspended ? 'cadre-roles-suspended' : 'reg-not-cadre')] };
    }
    const stored = await tools.api.registrations.latestDraft(turn.user, turn.now);
    const hasSlots = hasPrefill(slots);
    if (stored && !hasSlots) {
      const data: RegisterData = { draft: emptyDraft(profile, vietnamYearOf(turn.now)), draftId: stored.draftId, resumeSource: 'stored' };
      const title = stored.fields.title ?? tools.kit.t('reg-untitled');
      const reply = tools.kit.message('reg-stored-draft', { title }, [tools.kit.button('reg-btn-resume', 'reg:resume-draft'), tools.kit.button('reg-btn-restart', 'reg:restart')]);
      return { replies: [withLead(reply, lead)], state: inFlow(turn, FLOW, 'resume_prompt', data) };
    }
    const draft = prefillFromSlots(emptyDraft(profile, vietnamYearOf(turn.now)), slots, profile);
    const data: RegisterData = { draft, draftId: null };
    const intro = tools.kit.t(hasSlots ? 'reg-start-prefilled' : 'reg-start', { year: String(draft.year) });
    return proceed(ctx, data, [lead, intro].filter(Boolean).join('\n'));
  }

  /** Asks the next missing step, or shows the summary when nothing is missing. */
  function proceed(ctx: Ctx, data: RegisterData, lead?: string, forced?: RegisterStep): TurnOutcome {
    let step = forced ?? nextMissingStep(data.draft);
    if (!forced && step !== 'title' && data.draft.title && data.titleSuggestion === undefined) {
      // A title that came prefilled without marks still gets its suggestion first.
      const suggestion = titleSuggestion(data.draft.title, suggestDiacritics);
      data.titleSuggestion = suggestion ?? '';
      if (suggestion) step = 'title_confirm';
    }
    const next = { ...data, failures: 0 };
    const message = step === 'review' ? summaryMessage(ctx.kit, data.draft) : askStep(ctx.kit, step, next, ctx.profile);
    return { replies: [withLead(message, lead)], state: inFlow(ctx.turn, FLOW, step, next) };
  }

  async function cancel(ctx: Ctx, data: RegisterData): Promise<TurnOutcome> {
    const saved = await ctx.api.registrations.saveDraft(ctx.turn.user, data.draftId, toDraftFields(data.draft), ctx.turn.now);
    if (!saved.ok) return { replies: [ctx.kit.message('reg-cancelled-not-saved')], state: idle(ctx.turn) };
    // The option lets a typed "tiếp tục" mean exactly this, whatever the language layer thinks of it.
    return { replies: [ctx.kit.message('reg-cancelled', undefined, [ctx.kit.button('reg-btn-continue', 'reg:resume-draft')])], state: idle(ctx.turn) };
  }

  async function submit(ctx: Ctx, data: RegisterData, confirmedNewModel: boolean, lead?: string): Promise<TurnOutcome> {
    const { kit, api, turn } = ctx;
    const result = await api.registrations.submit(turn.user, data.draftId, toDraftFields(data.draft), { confirmedNewModel }, turn.now);
    if (!result.ok) {
      const draftId = result.draftId ?? data.draftId;
      if (result.reason === 'possible-duplicate') {
        const list = (result.duplicates ?? []).map((x) => `${x.code ?? '—'} «${shorten(x.title, 70)}»`).join('; ');
        const reply = kit.message('reg-duplicate', { year: String(data.draft.year), list }, [kit.button('reg-btn-dup-new', 'dup:new'), kit.button('reg-btn-dup-update', 'dup:update')]);
        return { replies: [withLead(reply, lead)], state: inFlow(turn, FLOW, 'duplicate', { ...data, draftId }) };
      }
      const reply = { text: refusalText(kit, result), buttons: summaryButtons(kit) };
      return { replies: [withLead(reply, lead)], state: inFlow(turn, FLOW, 'review', { ...data, draftId }) };
    }
    const warnings = result.warnings.map((w) => kit.t(w)).join('\n');
    const text = [lead, kit.t('reg-submitted', { code: result.code ?? '—', office: result.reviewingUnitName }), warnings].filter(Boolean).join('\n');
    await api.notifications.notifyReviewers(
      data.draft.subjectUnitId ?? ctx.profile.unitId,
      (locale) => ({
        text: deps.translator.t(locale, 'review-notify-new', { code: result.code ?? '—', title: data.draft.title ?? '' }),
        buttons: [{ label: deps.translator.t(locale, 'review-btn-open'), value: `rv:open:${result.registrationId}` }],
      }),
      turn.now,
    );
    return { replies: [{ text }], state: idle(turn) };
  }

  async function onReview(ctx: Ctx, data: RegisterData, text: string, choice: string | null): Promise<TurnOutcome> {
    const { kit } = ctx;
    if (choice === 'reg:submit') return submit(ctx, data, false);
    if (choice === 'reg:edit') {
      const buttons = [1, 2, 3, 4, 5, 6, 7].map((n) => kit.button(`reg-edit-step-${n}`, `reg:goto:${n}`));
      return { replies: [kit.message('reg-edit-menu', undefined, buttons)], state: inFlow(ctx.turn, FLOW, 'edit_menu', data) };
    }
    if (wantsRevert(text)) {
      const reverted = revertEdit(kit, data.draft, data.lastEdit);
      const lead = reverted?.line ?? kit.t('reg-nothing-to-revert');
      const next = { ...data, draft: reverted?.draft ?? data.draft, lastEdit: undefined };
      if (wantsSubmit(text)) return submit(ctx, next, false, lead);
      return { replies: [{ text: lead, buttons: summaryButtons(kit) }], state: inFlow(ctx.turn, FLOW, 'review', next) };
    }
    const edit = applyEdit(kit, data.draft, ctx.u, text, ctx.turn.now);
    if (edit.kind === 'changed') {
      const next = { ...data, draft: edit.draft, lastEdit: edit.lastEdit };
      if (wantsSubmit(text)) return submit(ctx, next, false, edit.line);
      return { replies: [{ text: edit.line, buttons: summaryButtons(kit) }], state: inFlow(ctx.turn, FLOW, 'review', next) };
    }
    if (edit.kind === 'ask') return proceed(ctx, data, undefined, edit.step);
    if (edit.kind === 'invalid') return { replies: [{ text: kit.t(edit.key, { length: 0 }), buttons: summaryButtons(kit) }], state: inFlow(ctx.turn, FLOW, 'review', data) };
    if (wantsSubmit(text)) return submit(ctx, data, false);
    return { replies: [summaryMessage(kit, data.draft, kit.t('reg-review-hint'))], state: inFlow(ctx.turn, FLOW, 'review', data) };
  }

  async function onResumePrompt(ctx: Ctx, data: RegisterData, text: string, choice: string | null): Promise<TurnOutcome> {
    const { api, turn, profile, kit } = ctx;
    const fromStore = data.resumeSource === 'stored';
    if (choice === 'reg:resume-draft' || choice === 'reg:continue' || (choice === null && isResume(text))) {
      if (fromStore) return resumeStored(ctx);
      const paused = data.pausedStep;
      const forced = paused === 'review' || (paused && stepNumber(paused) !== null) ? paused : undefined;
      return proceed(ctx, { ...data, pausedStep: undefined }, undefined, forced);
    }
    if (choice === 'reg:restart') {
      if (data.draftId) await api.registrations.discardDraft(turn.user, data.draftId, turn.now);
      return proceed(ctx, { draft: emptyDraft(profile, vietnamYearOf(turn.now)), draftId: null }, kit.t('reg-start', { year: String(vietnamYearOf(turn.now)) }));
    }
    if (choice === null && isCancel(text)) {
      if (fromStore) return { replies: [kit.message('reg-cancelled')], state: idle(turn) };
      return cancel(ctx, data);
    }
    return { replies: [kit.message('reg-resume-choose', undefined, turn.state.lastButtons ?? undefined)], state: inFlow(turn, FLOW, 'resume_prompt', data) };
  }

  async function resumeStored(ctx: Ctx): Promise<TurnOutcome> {
    const stored = await ctx.api.registrations.latestDraft(ctx.turn.user, ctx.turn.now);
    if (!stored) return { replies: [ctx.kit.message('reg-no-draft')], state: idle(ctx.turn) };
    const unitName = stored.fields.subjectUnitId ? await ctx.api.registrations.unitName(stored.fields.subjectUnitId) : null;
    const draft = fromDraftFields(stored.fields, emptyDraft(ctx.profile, vietnamYearOf(ctx.turn.now)), unitName);
    return proceed(ctx, { draft, draftId: stored.draftId, titleSuggestion: '' }, ctx.kit.t('reg-resumed', { title: draft.title ?? ctx.kit.t('reg-untitled') }));
  }

  async function continueFlow(ctx: Ctx): Promise<TurnOutcome> {
    const { turn, kit } = ctx;
    const data = readRegisterData(turn.state.data);
    if (!data) return { replies: [kit.message('reg-lost')], state: idle(turn) };
    const step = (turn.state.step ?? 'title') as RegisterStep;
    const text = turn.text;
    const choice = turn.choice;

    if (isIdleExpired(turn) && step !== 'resume_prompt') {
      const reply = kit.message('reg-idle-resume', { title: data.draft.title ?? kit.t('reg-untitled'), n: stepNumber(step) ?? TOTAL_STEPS, total: TOTAL_STEPS }, [
        kit.button('reg-btn-continue', 'reg:continue'),
        kit.button('reg-btn-restart', 'reg:restart'),
      ]);
      return { replies: [reply], state: inFlow(turn, FLOW, 'resume_prompt', { ...data, pausedStep: step }) };
    }
    if (step === 'resume_prompt') return onResumePrompt(ctx, data, text, choice);
    if (choice === 'reg:cancel' || (choice === null && isCancel(text))) return cancel(ctx, data);
    if (choice === null && isBack(text)) {
      const n = stepNumber(step) ?? TOTAL_STEPS + 1;
      return proceed(ctx, data, undefined, stepForNumber(Math.max(1, n - 1)) ?? 'title');
    }
    const jump = choice?.startsWith('reg:goto:') ? Number(choice.slice(9)) : choice === null ? editStepNumber(text) : null;
    if (jump !== null) {
      const target = stepForNumber(jump);
      if (target) return proceed(ctx, data, undefined, target);
      return { replies: [kit.message('reg-hint-step-number', { total: TOTAL_STEPS })], state: inFlow(turn, FLOW, step, data) };
    }
    if (step === 'review') return onReview(ctx, data, text, choice);
    if (step === 'edit_menu') return proceed(ctx, data, undefined, 'review');
    if (step === 'duplicate') return onDuplicate(ctx, data, choice);
    if (step === 'stuck') {
      if (choice === 'reg:retry') return proceed(ctx, data, undefined, data.pausedStep ?? nextMissingStep(data.draft));
      return { replies: [kit.message('reg-stuck', undefined, stuckButtons(ctx))], state: inFlow(turn, FLOW, 'stuck', data) };
    }

    const answer = await answerStep(step, data, { text, choice, understanding: ctx.u, now: turn.now, profile: ctx.profile, registrations: ctx.api.registrations });
    if (answer.kind === 'hint') {
      const failures = (data.failures ?? 0) + 1;
      if (failures >= MAX_FAILURES) {
        const reply = { text: `${kit.t(answer.key, answer.args)}\n${kit.t('reg-stuck')}`, buttons: stuckButtons(ctx) };
        return { replies: [reply], state: inFlow(turn, FLOW, 'stuck', { ...data, failures: 0, pausedStep: step }) };
      }
      const again = askStep(kit, step, data, ctx.profile);
      return { replies: [{ ...again, text: `${kit.t(answer.key, answer.args)}\n${again.text}` }], state: inFlow(turn, FLOW, step, { ...data, failures }) };
    }
    const answered: RegisterData = { ...data, ...answer.data, draft: answer.draft };
    const next = choice === null ? rememberAnswer(answered, turn.event.messageId, step) : answered;
    return proceed(ctx, next, undefined, answer.goto);
  }

  /** The question of the current step again, after a line about files (or a failed fetch). */
  function currentQuestion(ctx: Ctx, step: RegisterStep, data: RegisterData): OutboundMessage {
    if (step === 'review') return summaryMessage(ctx.kit, data.draft);
    if (stepNumber(step) !== null) return askStep(ctx.kit, step, data, ctx.profile);
    return { text: '', ...(ctx.turn.state.lastButtons ? { buttons: ctx.turn.state.lastButtons } : {}) };
  }

  /**
   * Photos and files sent at any step are fetched and stored first (a failed fetch
   * keeps everything as it was and asks to send again); a caption then answers the
   * step like typed text, a file without one gets the step's question again.
   */
  async function withAttachments(ctx: Ctx): Promise<TurnOutcome> {
    const { turn } = ctx;
    const data = readRegisterData(turn.state.data);
    const step = (turn.state.step ?? 'title') as RegisterStep;
    if (!data || step === 'resume_prompt' || (turn.event.attachments ?? []).length === 0) return continueFlow(ctx);
    const received = await receiveInStep(turn, ctx.kit, data.draft.attachments ?? []);
    if (received.kind === 'failed') return { replies: [withLead(currentQuestion(ctx, step, data), received.line)], state: inFlow(turn, FLOW, step, data) };
    if (received.kind === 'none') return continueFlow(ctx);
    const next: RegisterData = { ...data, draft: { ...data.draft, attachments: received.attachments } };
    const caption = turn.event.kind === 'text' ? turn.text.trim() : '';
    if (caption === '') return { replies: [withLead(currentQuestion(ctx, step, next), received.line)], state: inFlow(turn, FLOW, step, next) };
    const answered = await continueFlow({ ...ctx, turn: { ...turn, state: { ...turn.state, data: next as unknown as Record<string, unknown> } } });
    const [first, ...rest] = answered.replies;
    return { ...answered, replies: first ? [withLead(first, received.line), ...rest] : [{ text: received.line }] };
  }

  /**
   * An edited message (Telegram) that had answered a step: its corrected text
   * replaces that answer, the bot says so and asks the current step again. An edit
   * of anything else keeps the flow as it was and asks for a new message.
   */
  async function onEdited(ctx: Ctx): Promise<TurnOutcome> {
    const { turn, kit } = ctx;
    const data = readRegisterData(turn.state.data);
    const current = (turn.state.step ?? 'title') as RegisterStep;
    const corrected = data ? answeredStep(data, turn.event.messageId) : null;
    if (!data || !corrected || current === 'resume_prompt') return { replies: [kit.message('fc-edited-ignored', undefined, turn.state.lastButtons ?? undefined)] };
    const n = stepNumber(corrected) ?? 1;
    const answer = await answerStep(corrected, data, { text: turn.text, choice: null, understanding: ctx.u, now: turn.now, profile: ctx.profile, registrations: ctx.api.registrations });
    if (answer.kind === 'hint') {
      const lead = `${kit.t(answer.key, answer.args)}\n${kit.t('reg-correction-invalid', { n })}`;
      return { replies: [withLead(currentQuestion(ctx, current, data), lead)], state: inFlow(turn, FLOW, current, data) };
    }
    // Only the field changes: the dialogue stays on the step it was on.
    const next: RegisterData = { ...data, draft: answer.draft };
    const label = kit.t(`reg-edit-step-${n}`).replace(/^\d+\s*/, '');
    return { replies: [withLead(currentQuestion(ctx, current, next), kit.t('reg-correction-applied', { n, label }))], state: inFlow(turn, FLOW, current, next) };
  }

  async function onDuplicate(ctx: Ctx, data: RegisterData, choice: string | null): Promise<TurnOutcome> {
    if (choice === 'dup:new') return submit(ctx, data, true);
    if (choice === 'dup:update') {
      // An update goes through the existing registration (revision or the reviewer), never a second record.
      if (data.draftId) await ctx.api.registrations.discardDraft(ctx.turn.user, data.draftId, ctx.turn.now);
      return { replies: [ctx.kit.message('reg-duplicate-update')], state: idle(ctx.turn) };
    }
    const buttons = [ctx.kit.button('reg-btn-dup-new', 'dup:new'), ctx.kit.button('reg-btn-dup-update', 'dup:update')];
    return { replies: [ctx.kit.message('reg-duplicate-choose', undefined, buttons)], state: inFlow(ctx.turn, FLOW, 'duplicate', data) };
  }

  function stuckButtons(ctx: Ctx) {
    return [ctx.kit.button('reg-btn-retry', 'reg:retry'), ctx.kit.button('reg-btn-cancel', 'reg:cancel')];
  }

  return {
    name: 'cadre-register-model',
    start,
    async handle(turn) {
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      const inThisFlow = turn.state.flow === FLOW;
      const text = turn.event.kind === 'text' ? turn.text : '';
      const starts = turn.choice === 'menu:register' || turn.choice === 'reg:resume-draft' || (turn.event.kind === 'text' && turn.choice === null && text !== '');
      if (!inThisFlow && !starts) return null;
      const u = deps.understand(turn.text, turn.user);
      if (!inThisFlow) {
        const wantsRegister = turn.choice === 'menu:register' || u.intent === 'model.register';
        const wantsResume = turn.choice === 'reg:resume-draft' || (isResume(text) && turn.state.flow === null);
        if (!wantsRegister && !wantsResume) return null;
        const profile = await tools.api.profile(turn.user, turn.now);
        if (!profile) return null;
        if (wantsResume) {
          const stored = await tools.api.registrations.latestDraft(turn.user, turn.now);
          if (!stored) return null;
          return resumeStored({ ...tools, turn, profile, u });
        }
        // A question tacked on ("…, hạn chót khi nào?") is answered as the flow starts.
        const answered = await answerSecondaryQuestion(turn, u, {
          'deadline.query': () => registrationDeadlineAnswer(tools, turn, profile),
        });
        return start(turn, profile, u.slots, answered);
      }
      const profile = await tools.api.profile(turn.user, turn.now);
      if (!profile) return { replies: [tools.kit.message('reg-lost')], state: idle(turn) };
      if (turn.event.edited) return onEdited({ ...tools, turn, profile, u });
      return withAttachments({ ...tools, turn, profile, u });
    },
  };
}

function withLead(message: OutboundMessage, lead?: string): OutboundMessage {
  if (!lead) return message;
  return { ...message, text: message.text === '' ? lead : `${lead}\n${message.text}` };
}
