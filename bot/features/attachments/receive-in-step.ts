import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { Turn } from '../../conversation/turn.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../domain/attachment-rules.js';
import type { AttachmentRef } from './attachment-services.js';

export type StepAttachments =
  /** The message carried no file. */
  | { kind: 'none' }
  /** Nothing was kept: say `line` and keep the step exactly as it was (the user sends again). */
  | { kind: 'failed'; line: string }
  /** `attachments`: the draft's list with the new files; `line` says what was kept and what not. */
  | { kind: 'received'; attachments: AttachmentRef[]; line: string };

const LIMIT_ARGS = { mb: MAX_ATTACHMENT_BYTES / (1024 * 1024), max: MAX_ATTACHMENTS };

/** The limits as the replies state them. */
export function limitsText(kit: ReplyKit): string {
  return kit.t('att-limits', LIMIT_ARGS);
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "ke-hoach.pdf (120 KB), anh-1.jpg (2.3 MB)" */
export function attachmentNames(files: readonly AttachmentRef[]): string {
  return files.map((f) => `${f.name} (${sizeText(f.size)})`).join(', ');
}

/**
 * A step that takes files (registration, revision, report) hands the message's
 * photos and files to the attachment service, which fetches and stores them, and
 * gets back the draft's new list and one line to lead the reply with.
 */
export async function receiveInStep(turn: Turn, kit: ReplyKit, current: readonly AttachmentRef[]): Promise<StepAttachments> {
  const files = turn.event.attachments ?? [];
  if (files.length === 0) return { kind: 'none' };
  const service = turn.services.attachments;
  if (!service) return { kind: 'failed', line: kit.t('att-unavailable') };
  const result = await service.receive(turn.user, turn.event.channel, files, Math.max(0, MAX_ATTACHMENTS - current.length));
  if (!result.ok) return { kind: 'failed', line: kit.t(result.reason === 'unavailable' ? 'att-unavailable' : 'att-fetch-failed') };
  const attachments = [...current, ...result.stored];
  const lines = [
    result.stored.length > 0 ? kit.t('att-received', { count: result.stored.length, names: attachmentNames(result.stored), total: attachments.length }) : null,
    ...result.rejected.map((r) => kit.t(`att-rejected-${r.reason}`, { name: r.name, ...LIMIT_ARGS })),
    result.rejected.length > 0 ? limitsText(kit) : null,
  ];
  return { kind: 'received', attachments, line: lines.filter(Boolean).join('\n') };
}
