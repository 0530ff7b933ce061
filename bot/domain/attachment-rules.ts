/**
 * What a cadre may attach to a registration, a revision or a report (domain §2.1
 * "plan, photos, minutes"), checked in code because the schema has no CHECK
 * constraints. The bytes live in PostgreSQL (docs/attachments.md), so one file is
 * kept well under what a bytea row and a backup handle comfortably.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Per registration (or report): a plan, a few photos, the minutes. */
export const MAX_ATTACHMENTS = 10;

export type AttachmentKind = 'image' | 'document';

export interface FileType {
  extension: 'jpg' | 'png' | 'webp' | 'pdf' | 'docx' | 'xlsx';
  contentType: string;
  kind: AttachmentKind;
}

const JPG: FileType = { extension: 'jpg', contentType: 'image/jpeg', kind: 'image' };
const PNG: FileType = { extension: 'png', contentType: 'image/png', kind: 'image' };
const WEBP: FileType = { extension: 'webp', contentType: 'image/webp', kind: 'image' };
const PDF: FileType = { extension: 'pdf', contentType: 'application/pdf', kind: 'document' };
const DOCX: FileType = { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document' };
const XLSX: FileType = { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'document' };

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/**
 * The type of a file by its first bytes — never by the name or the MIME type the
 * platform reports, which the sender controls. Word and Excel files are ZIP
 * containers: their name tells which (the bytes alone would need unzipping).
 */
export function detectFileType(bytes: Uint8Array, name?: string): FileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return WEBP;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const lower = (name ?? '').toLowerCase();
    if (lower.endsWith('.docx')) return DOCX;
    if (lower.endsWith('.xlsx')) return XLSX;
  }
  return null;
}

/** A file name that is safe to show and to offer as a download name. */
export function attachmentFileName(name: string | undefined, type: FileType, fallbackStem: string): string {
  const cleaned = (name ?? '').normalize('NFC').replace(/[\u0000-\u001f/\\]+/g, ' ').trim().slice(0, 200);
  if (cleaned !== '') return cleaned.toLowerCase().endsWith(`.${type.extension}`) ? cleaned : `${cleaned}.${type.extension}`;
  return `${fallbackStem}.${type.extension}`;
}
