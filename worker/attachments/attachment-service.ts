import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentRef, AttachmentRejection, AttachmentService } from '../../bot/features/attachments/attachment-services.js';
import type { Channel } from '../../bot/core/inbound-event.js';
import { accountOfUserId } from '../../bot/core/channel-account.js';
import { attachmentFileName, detectFileType, MAX_ATTACHMENT_BYTES } from '../../bot/domain/attachment-rules.js';
import type { Db } from '../../runtime/database.js';
import { AttachmentTooLargeError } from './attachment-too-large-error.js';
import { insertAttachment, type NewAttachment } from './attachment.repository.js';
import type { FileFetcher } from './file-fetcher.js';

export interface AttachmentServiceOptions {
  /** One fetcher per channel that can hand files over; a channel without one answers `unavailable`. */
  fetchers: Partial<Record<Channel, FileFetcher>>;
  /** Logged, never shown: why a fetch failed. */
  onFetchError?: (channel: Channel, error: unknown) => void;
  /**
   * Time for all downloads of one message. Default 12 s: the turn's transaction
   * (20 s) must still commit; past it the user is asked to send the rest again.
   */
  budgetMs?: number;
}

/**
 * Fetches a message's files from the platform, checks each by its bytes (type)
 * and size, and stores the good ones on the turn's transaction. All files are
 * fetched before any is stored: one failed download stores nothing, so the turn
 * answers "send it again" with the draft exactly as it was.
 */
export function createAttachmentService(db: Db, options: AttachmentServiceOptions): AttachmentService {
  return {
    async receive(user, channel, files, room) {
      const fetcher = options.fetchers[channel];
      if (!fetcher) return { ok: false, reason: 'unavailable' };
      const keep: NewAttachment[] = [];
      const rejected: AttachmentRejection[] = [];
      const deadline = Date.now() + (options.budgetMs ?? 12_000);
      for (const [index, file] of files.entries()) {
        const label = file.name ?? `${file.type === 'image' ? 'anh' : 'tep'}-${index + 1}`;
        if (keep.length >= room) {
          rejected.push({ name: label, reason: 'count' });
          continue;
        }
        if (file.size !== undefined && file.size > MAX_ATTACHMENT_BYTES) {
          rejected.push({ name: label, reason: 'size' });
          continue;
        }
        if (Date.now() > deadline) {
          options.onFetchError?.(channel, new Error(`downloads of one message took longer than ${options.budgetMs ?? 12_000} ms`));
          return { ok: false, reason: 'fetch-failed' };
        }
        let fetched;
        try {
          fetched = await fetcher.download(file.ref, MAX_ATTACHMENT_BYTES, accountOfUserId(user.userId));
        } catch (error) {
          if (error instanceof AttachmentTooLargeError) {
            rejected.push({ name: label, reason: 'size' });
            continue;
          }
          options.onFetchError?.(channel, error);
          return { ok: false, reason: 'fetch-failed' };
        }
        const type = detectFileType(fetched.bytes, file.name ?? fetched.name);
        if (!type) {
          rejected.push({ name: label, reason: 'type' });
          continue;
        }
        const id = randomUUID();
        keep.push({
          id,
          kind: type.kind,
          name: attachmentFileName(file.name, type, `${type.kind === 'image' ? 'anh' : 'tep'}-${id.slice(0, 8)}`),
          contentType: type.contentType,
          size: fetched.bytes.byteLength,
          ownerUserId: user.userId,
          channel,
          sha256: createHash('sha256').update(fetched.bytes).digest('hex'),
          bytes: fetched.bytes,
        });
      }
      for (const file of keep) await insertAttachment(db, file);
      const stored: AttachmentRef[] = keep.map(({ id, kind, name, contentType, size }) => ({ id, kind, name, contentType, size }));
      return { ok: true, stored, rejected };
    },
  };
}
