import type { Channel, InboundAttachment } from '../../core/inbound-event.js';
import type { ChatIdentity } from '../../core/identity.js';
import type { AttachmentKind } from '../../domain/attachment-rules.js';

/** A stored photo or file, as drafts and views carry it (the bytes stay in the store). */
export interface AttachmentRef {
  id: string;
  kind: AttachmentKind;
  name: string;
  contentType: string;
  size: number;
}

/** Why one file was not kept: not an allowed type, too big, or one too many. */
export interface AttachmentRejection {
  name: string;
  reason: 'type' | 'size' | 'count';
}

export type ReceiveResult =
  | { ok: true; stored: AttachmentRef[]; rejected: AttachmentRejection[] }
  /** `fetch-failed`: the platform did not hand the file over (retry); `unavailable`: this channel cannot fetch files. */
  | { ok: false; reason: 'fetch-failed' | 'unavailable' };

/**
 * Photos and files sent in the chat: fetched from the platform by the worker
 * (Telegram getFile, the Zalo image/file URL), type- and size-checked by their
 * bytes and stored. Stored files belong to the sender until a registration or a
 * report that lists them is saved ({@link AttachmentRef.id} in its fields).
 */
export interface AttachmentService {
  /** `room`: how many more files the draft may take (the rest are rejected as `count`). */
  receive(user: ChatIdentity, channel: Channel, files: readonly InboundAttachment[], room: number): Promise<ReceiveResult>;
}

export interface AttachmentServices {
  /** Absent where no store is wired (unit tests of other features). */
  attachments?: AttachmentService;
}
