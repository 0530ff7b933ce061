import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

interface StreamEvent {
  id: string;
  event: string;
  data: { id: string; text: string; replyTo: string | null; parts: unknown[] };
}

/** Reads Server-Sent Events from a fetch body until `count` messages came. */
async function readEvents(url: string, count: number, headers: Record<string, string> = {}): Promise<StreamEvent[]> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: StreamEvent[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      if (field('event') === 'message') events.push({ id: field('id')!, event: 'message', data: JSON.parse(field('data')!) as StreamEvent['data'] });
    }
  }
  controller.abort();
  return events;
}

/** GET /console/api/stream: every message sent to one console user, pushed as it is sent. */
describe('console SSE stream', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('pushes replies as they are sent, rendered for the flavour, and resumes after Last-Event-ID', async () => {
    await t.console.user('sse-1', { role: 'resident' });
    const url = `${t.app.url}/console/api/stream?userId=sse-1&flavour=zalo-bot`;
    const first = readEvents(url, 1);
    const [reply] = await t.console.say('sse-1', 'xin chào');
    const [pushed] = await first;
    expect(pushed!.data.text).toBe(reply!.text);
    expect(pushed!.id).toBe(pushed!.data.id);
    expect(pushed!.data.parts.length).toBeGreaterThan(0);

    await t.console.say('sse-1', 'cảm ơn');
    // A reconnecting EventSource sends the last id it saw: only what came after it is pushed.
    const [resumed] = await readEvents(url, 1, { 'last-event-id': pushed!.id });
    expect(BigInt(resumed!.id)).toBeGreaterThan(BigInt(pushed!.id));
  });

  it('answers a bad user id with 400 and no stream', async () => {
    const res = await fetch(`${t.app.url}/console/api/stream?userId=${encodeURIComponent('no spaces')}`);
    expect(res.status).toBe(400);
  });
});
