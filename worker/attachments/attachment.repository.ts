import type { AttachmentRef } from '../../bot/features/attachments/attachment-services.js';
import type { AttachmentKind } from '../../bot/domain/attachment-rules.js';
import type { Db } from '../../runtime/database.js';

export interface NewAttachment extends AttachmentRef {
  ownerUserId: string;
  channel: string;
  sha256: string;
  bytes: Buffer;
}

export async function insertAttachment(db: Db, file: NewAttachment): Promise<void> {
  await db.attachment.create({
    data: {
      id: file.id,
      ownerUserId: file.ownerUserId,
      kind: file.kind,
      fileName: file.name,
      contentType: file.contentType,
      sizeBytes: file.size,
      sha256: file.sha256,
      bytes: new Uint8Array(file.bytes),
      channel: file.channel,
    },
  });
}

/**
 * Links the sender's files to their registration: the rows get its id and the
 * registration's `attachments` column lists them (names and sizes for views and
 * exports without reading the bytes). Only the sender's own files are linked,
 * whatever ids a conversation state carries.
 */
export async function linkRegistrationAttachments(db: Db, ownerUserId: string, registrationId: string, files: readonly AttachmentRef[]): Promise<void> {
  await db.attachment.updateMany({ where: { id: { in: files.map((f) => f.id) }, ownerUserId, registrationId: null, reportId: null }, data: { registrationId } });
  // The list is every file of the registration: a revision by another cadre adds to the first ones.
  const linked = await db.attachment.findMany({
    where: { registrationId },
    select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true },
    orderBy: { createdAt: 'asc' },
  });
  const list: AttachmentRef[] = linked.map((o) => ({ id: o.id, kind: o.kind as AttachmentKind, name: o.fileName, contentType: o.contentType, size: o.sizeBytes }));
  await db.registration.update({ where: { id: registrationId }, data: { attachments: list as unknown as object[] } });
}

/** Links the sender's files to the report they filed with (rows and the report's `attachments` list). */
export async function linkReportAttachments(db: Db, ownerUserId: string, reportId: string, files: readonly AttachmentRef[]): Promise<void> {
  const owned = await db.attachment.findMany({
    where: { id: { in: files.map((f) => f.id) }, ownerUserId, registrationId: null, reportId: null },
    select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true },
    orderBy: { createdAt: 'asc' },
  });
  await db.attachment.updateMany({ where: { id: { in: owned.map((o) => o.id) } }, data: { reportId } });
  const list: AttachmentRef[] = owned.map((o) => ({ id: o.id, kind: o.kind as AttachmentKind, name: o.fileName, contentType: o.contentType, size: o.sizeBytes }));
  await db.reportSubmission.update({ where: { id: reportId }, data: { attachments: list as unknown as object[] } });
}

/** The `attachments` column of a registration or report as refs (tolerates older shapes). */
export function attachmentRefsOf(json: unknown): AttachmentRef[] {
  if (!Array.isArray(json)) return [];
  return json.filter((x): x is AttachmentRef => typeof x === 'object' && x !== null && typeof (x as AttachmentRef).id === 'string' && typeof (x as AttachmentRef).name === 'string');
}
