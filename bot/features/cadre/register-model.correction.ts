import type { RegisterData, RegisterStep } from './register-model.draft.js';

/** Steps answered by typing: an edited message can replace their answer. */
export const CORRECTABLE_STEPS: ReadonlySet<RegisterStep> = new Set(['title', 'category', 'person', 'location', 'field', 'start', 'summary']);

/** How many typed answers are remembered (a correction is almost always of a recent one). */
const REMEMBERED = 12;

/**
 * Notes which step a typed message answered, by the platform's message id, so that
 * editing that message later (Telegram edited_message) corrects that step's answer.
 */
export function rememberAnswer(data: RegisterData, messageId: string | undefined, step: RegisterStep): RegisterData {
  if (!messageId || !CORRECTABLE_STEPS.has(step)) return data;
  const kept = (data.answeredBy ?? []).filter((a) => a.messageId !== messageId).slice(-(REMEMBERED - 1));
  return { ...data, answeredBy: [...kept, { messageId, step }] };
}

/** The step an edited message had answered, or null when it answered none we remember. */
export function answeredStep(data: RegisterData, messageId: string | undefined): RegisterStep | null {
  if (!messageId) return null;
  return data.answeredBy?.find((a) => a.messageId === messageId)?.step ?? null;
}
