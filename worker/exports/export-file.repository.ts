import { randomBytes } from 'node:crypto';
import type { OutboundFile } from '../../bot/core/outbound-message.js';
import type { Db } from '../../runtime/database.js';

/** How long a one-time link (and the stored bytes) stay valid. */
export const EXPORT_LINK_TTL_MS = 24 * 3600 * 1000;

export interface NewExportFile {
  kind: OutboundFile['kind'];
  filename: string;
  contentType: string;
  bytes: Buffer;
  createdForUserId?: string | null;
}

export interface StoredExportFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** Stores a generated file under an unguessable id (the one-time link's token). */
export async function saveExportFile(db: Db, file: NewExportFile, now: Date): Promise<OutboundFile> {
  const fileId = randomBytes(24).toString('base64url');
  // Expired files are useless (links and attachments last 24 h): drop them as new ones come, on the index.
  await db.exportFile.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.exportFile.create({
    data: {
      id: fileId,
      kind: file.kind,
      filename: file.filename,
      contentType: file.contentType,
      bytes: new Uint8Array(file.bytes),
      createdForUserId: file.createdForUserId ?? null,
      expiresAt: new Date(now.getTime() + EXPORT_LINK_TTL_MS),
    },
  });
  return { fileId, filename: file.filename, contentType: file.contentType, kind: file.kind };
}

/** The bytes for a channel that sends the file itself (Telegram) or the console; null once expired. */
export async function readExportFile(db: Db, fileId: string, now: Date): Promise<StoredExportFile | null> {
  const row = await db.exportFile.findUnique({ where: { id: fileId } });
  if (!row || row.expiresAt <= now) return null;
  return { filename: row.filename, contentType: row.contentType, bytes: Buffer.from(row.bytes) };
}

/**
 * The one-time link: marks the file used in the same statement that checks it was
 * unused and unexpired, so two clicks at once cannot both download it.
 */
export async function takeExportFileOnce(db: Db, fileId: string, now: Date): Promise<StoredExportFile | null> {
  const claimed = await db.exportFile.updateMany({ where: { id: fileId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) return null;
  const row = await db.exportFile.findUnique({ where: { id: fileId } });
  return row ? { filename: row.filename, contentType: row.contentType, bytes: Buffer.from(row.bytes) } : null;
}
