import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatIdentity } from '../../../bot/core/identity.js';
import { MAX_ATTACHMENT_BYTES } from '../../../bot/domain/attachment-rules.js';
import { AttachmentFetchError } from '../../../worker/attachments/attachment-fetch-error.js';
import { createAttachmentService } from '../../../worker/attachments/attachment-service.js';
import { AttachmentTooLargeError } from '../../../worker/attachments/attachment-too-large-error.js';
import type { FileFetcher } from '../../../worker/attachments/file-fetcher.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

/**
 * The attachment service against real PostgreSQL; only the platform's file download
 * (the fetcher, the platform edge) is scripted per URL.
 */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 3)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.5\n'), Buffer.alloc(100, 4)]);
const user: ChatIdentity = { userId: 'zalo-oa:8563847912345671999', role: 'cadre', unitId: 'hn-p-cuanam', locale: 'vi', displayName: null };

function scripted(files: Record<string, Buffer | Error>): FileFetcher {
  return {
    async download(ref) {
      const file = files[ref];
      if (file === undefined) throw new AttachmentFetchError(`no file at ${ref}`);
      if (file instanceof Error) throw file;
      return { bytes: file, name: ref.split('/').pop() };
    },
  };
}

describe('createAttachmentService', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  const rows = () => db.prisma.attachment.count({ where: { ownerUserId: user.userId } });

  it('stores every good file of a message with its checked type, size and hash', async () => {
    const service = createAttachmentService(db.prisma, { fetchers: { 'zalo-oa': scripted({ 'https://cdn/a.jpg': JPEG, 'https://cdn/plan.pdf': PDF }) } });
    const result = await service.receive(user, 'zalo-oa', [{ type: 'image', ref: 'https://cdn/a.jpg' }, { type: 'document', ref: 'https://cdn/plan.pdf', name: 'Kế hoạch.pdf' }], 10);
    expect(result).toMatchObject({ ok: true, rejected: [], stored: [{ kind: 'image', contentType: 'image/jpeg', size: JPEG.length }, { kind: 'document', name: 'Kế hoạch.pdf', size: PDF.length }] });
    const stored = await db.prisma.attachment.findMany({ where: { ownerUserId: user.userId }, orderBy: { createdAt: 'asc' } });
    expect(stored.map((s) => s.registrationId)).toEqual([null, null]);
    expect(stored[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores nothing when one download of the message fails (the user sends again)', async () => {
    const before = await rows();
    const errors: unknown[] = [];
    const service = createAttachmentService(db.prisma, { fetchers: { 'zalo-oa': scripted({ 'https://cdn/ok.jpg': JPEG }) }, onFetchError: (_c, e) => errors.push(e) });
    const result = await service.receive(user, 'zalo-oa', [{ type: 'image', ref: 'https://cdn/ok.jpg' }, { type: 'image', ref: 'https://cdn/gone.jpg' }], 10);
    expect(result).toEqual({ ok: false, reason: 'fetch-failed' });
    expect(errors).toHaveLength(1);
    expect(await rows()).toBe(before);
  });

  it('refuses by type, size and count, keeping the rest', async () => {
    const before = await rows();
    const service = createAttachmentService(db.prisma, {
      fetchers: { 'zalo-oa': scripted({ 'https://cdn/x.exe': Buffer.from('MZ....'), 'https://cdn/big.pdf': new AttachmentTooLargeError(MAX_ATTACHMENT_BYTES), 'https://cdn/1.jpg': JPEG, 'https://cdn/2.jpg': JPEG }) },
    });
    const result = await service.receive(
      user,
      'zalo-oa',
      [
        { type: 'document', ref: 'https://cdn/x.exe', name: 'x.exe' },
        { type: 'document', ref: 'https://cdn/big.pdf', name: 'big.pdf' },
        { type: 'document', ref: 'https://cdn/declared.pdf', name: 'declared.pdf', size: MAX_ATTACHMENT_BYTES + 1 },
        { type: 'image', ref: 'https://cdn/1.jpg' },
        { type: 'image', ref: 'https://cdn/2.jpg' },
      ],
      1,
    );
    expect(result).toMatchObject({
      ok: true,
      stored: [{ kind: 'image' }],
      rejected: [
        { name: 'x.exe', reason: 'type' },
        { name: 'big.pdf', reason: 'size' },
        { name: 'declared.pdf', reason: 'size' },
        { name: 'anh-5', reason: 'count' },
      ],
    });
    expect(await rows()).toBe(before + 1);
  });

  it('gives up (storing nothing) when the downloads of one message outlast the budget', async () => {
    const before = await rows();
    const slow: FileFetcher = {
      async download() {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return { bytes: JPEG };
      },
    };
    const service = createAttachmentService(db.prisma, { fetchers: { 'zalo-oa': slow }, budgetMs: 50 });
    const files = [1, 2, 3].map((n) => ({ type: 'image' as const, ref: `https://cdn/${n}.jpg` }));
    expect(await service.receive(user, 'zalo-oa', files, 10)).toEqual({ ok: false, reason: 'fetch-failed' });
    expect(await rows()).toBe(before);
  });

  it('says "unavailable" on a channel that cannot hand files over', async () => {
    const service = createAttachmentService(db.prisma, { fetchers: {} });
    expect(await service.receive(user, 'console', [{ type: 'image', ref: 'x' }], 10)).toEqual({ ok: false, reason: 'unavailable' });
  });
});
