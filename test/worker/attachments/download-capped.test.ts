import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHttpServer, type FakeReply } from '../../fakes/fake-server.js';
import { AttachmentFetchError } from '../../../worker/attachments/attachment-fetch-error.js';
import { AttachmentTooLargeError } from '../../../worker/attachments/attachment-too-large-error.js';
import { downloadCapped } from '../../../worker/attachments/download-capped.js';
import { createTelegramFileFetcher } from '../../../worker/attachments/telegram-file-fetcher.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';

/** Downloads against loopback servers: the size cap holds whether or not the length is declared. */
describe('downloadCapped', () => {
  const body = Buffer.alloc(5_000, 1);
  const server = new FakeHttpServer((call): FakeReply => {
    if (call.path === '/declared') return { status: 200, body, headers: { 'content-length': String(body.length) } };
    if (call.path === '/chunked') return { status: 200, body, headers: { 'transfer-encoding': 'chunked' } };
    return { status: 404, body: { error: 'not found' } };
  });
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads a file within the limit', async () => {
    expect((await downloadCapped(`${server.url}/declared`, 5_000, 2_000)).equals(body)).toBe(true);
  });
  it('refuses past the limit, declared or streamed', async () => {
    await expect(downloadCapped(`${server.url}/declared`, 4_999, 2_000)).rejects.toBeInstanceOf(AttachmentTooLargeError);
    await expect(downloadCapped(`${server.url}/chunked`, 4_999, 2_000)).rejects.toBeInstanceOf(AttachmentTooLargeError);
  });
  it('turns HTTP errors and refused connections into a fetch error', async () => {
    await expect(downloadCapped(`${server.url}/missing`, 10_000, 2_000)).rejects.toBeInstanceOf(AttachmentFetchError);
    await expect(downloadCapped('http://127.0.0.1:9/x', 10_000, 2_000)).rejects.toBeInstanceOf(AttachmentFetchError);
  });
});

describe('createTelegramFileFetcher', () => {
  let tg: FakeTelegram;
  beforeAll(async () => {
    tg = await new FakeTelegram().start();
  });
  afterAll(async () => {
    await tg.close();
  });

  it('resolves the file_id with getFile, then downloads the file path', async () => {
    tg.addFile('f-1', 'documents/file_1.pdf', Buffer.from('%PDF-1.4 x'));
    const fetcher = createTelegramFileFetcher({ token: tg.token, apiRoot: tg.url });
    expect(await fetcher.download('f-1', 1_000)).toEqual({ bytes: Buffer.from('%PDF-1.4 x'), name: 'file_1.pdf' });
  });
  it('refuses a file whose declared size is over the limit without downloading it', async () => {
    tg.addFile('f-2', 'documents/file_2.pdf', Buffer.alloc(2_000));
    const downloads = tg.calls.filter((c) => c.path.startsWith('/file/')).length;
    await expect(createTelegramFileFetcher({ token: tg.token, apiRoot: tg.url }).download('f-2', 1_000)).rejects.toBeInstanceOf(AttachmentTooLargeError);
    expect(tg.calls.filter((c) => c.path.startsWith('/file/'))).toHaveLength(downloads);
  });
  it('an unknown file_id or a failing getFile is a fetch error', async () => {
    const fetcher = createTelegramFileFetcher({ token: tg.token, apiRoot: tg.url });
    await expect(fetcher.download('nope', 1_000)).rejects.toBeInstanceOf(AttachmentFetchError);
    tg.addFile('f-3', 'photos/file_3.jpg', Buffer.from([0xff, 0xd8, 0xff]));
    tg.failures.push('getFile', FakeTelegram.serverError());
    await expect(fetcher.download('f-3', 1_000)).rejects.toBeInstanceOf(AttachmentFetchError);
  });
});
