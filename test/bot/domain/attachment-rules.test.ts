import { describe, expect, it } from 'vitest';
import { attachmentFileName, detectFileType } from '../../../bot/domain/attachment-rules.js';

const bytes = (...head: number[]) => new Uint8Array([...head, 0, 0, 0, 0, 0, 0, 0, 0]);
const ascii = (text: string) => new Uint8Array([...Buffer.from(text), 0, 0]);

describe('detectFileType (by the first bytes, never by the declared type)', () => {
  it('recognises jpg, png, webp and pdf', () => {
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe1))?.extension).toBe('jpg');
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.extension).toBe('png');
    expect(detectFileType(ascii('RIFF\u0001\u0002\u0003\u0004WEBPVP8 '))?.extension).toBe('webp');
    expect(detectFileType(ascii('%PDF-1.7'))).toMatchObject({ extension: 'pdf', kind: 'document', contentType: 'application/pdf' });
  });
  it('tells docx from xlsx by the name of a ZIP container; any other ZIP is refused', () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04);
    expect(detectFileType(zip, 'Kế hoạch.DOCX')?.extension).toBe('docx');
    expect(detectFileType(zip, 'so-lieu.xlsx')?.extension).toBe('xlsx');
    expect(detectFileType(zip, 'archive.zip')).toBeNull();
    expect(detectFileType(zip)).toBeNull();
  });
  it('refuses executables, text and a jpg name on other bytes', () => {
    expect(detectFileType(ascii('MZ\u0090'), 'anh.jpg')).toBeNull();
    expect(detectFileType(ascii('hello'), 'notes.pdf')).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
});

describe('attachmentFileName', () => {
  const pdf = detectFileType(ascii('%PDF-1.4'))!;
  it('keeps a readable name, NFC, with the right extension', () => {
    expect(attachmentFileName('Ke\u0302\u0301 hoạch.pdf', pdf, 'tep')).toBe('Kế hoạch.pdf');
    expect(attachmentFileName('bien-ban', pdf, 'tep')).toBe('bien-ban.pdf');
    expect(attachmentFileName('../../etc/x.pdf', pdf, 'tep')).toBe('.. .. etc x.pdf');
  });
  it('names a nameless file (Telegram photos) from the fallback', () => {
    expect(attachmentFileName(undefined, pdf, 'tep-1')).toBe('tep-1.pdf');
  });
});
