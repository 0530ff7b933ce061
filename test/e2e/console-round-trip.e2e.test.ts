import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable } from '../helpers/test-redis.js';

/**
 * The pipeline end to end through the console channel: HTTP ingress → queue →
 * worker → outbox → console API, on both queue backends.
 */
function roundTrip(queue: 'redis' | 'postgres') {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ queue });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers a greeting with the Vietnamese resident menu', async () => {
    await t.console.user('hoa');
    const [reply] = await t.console.say('hoa', 'Xin chào ạ');
    expect(reply!.text).toContain('Xin chào');
    expect(reply!.buttons.map((b) => b.label)).toContain('Lịch ngày hội, hội thi');
    expect(reply!.buttons.length).toBeGreaterThanOrEqual(3);
    expect(new Date(reply!.at).toISOString()).toBe(reply!.at);
  });

  it('maps a typed "2" to the second option offered, exactly like pressing it', async () => {
    await t.console.user('minh');
    await t.console.user('minh-taps');
    const [menu] = await t.console.say('minh', 'chao ban');
    const [typed] = await t.console.say('minh', '2');
    await t.console.say('minh-taps', 'chao ban');
    await t.console.press('minh-taps', menu!.buttons[1]!.value);
    const [pressed] = await t.console.replies('minh-taps');
    expect(typed!.text).toBe(pressed!.text);
    expect(typed!.text).not.toBe(menu!.text);
  });

  it('greets a cadre as "đồng chí" and answers a pressed button', async () => {
    await t.console.user('lan', { role: 'cadre' });
    const [menu] = await t.console.say('lan', 'hello');
    expect(menu!.text).toContain('đồng chí');
    await t.console.press('lan', menu!.buttons[0]!.value);
    const [reply] = await t.console.replies('lan');
    expect(reply!.text).not.toContain('chưa hiểu');
  });

  it('speaks English to an English user', async () => {
    await t.console.user('john', { locale: 'en' });
    const [reply] = await t.console.say('john', 'hello');
    expect(reply!.text).toMatch(/^Hello!/);
  });

  it('keeps per-user message ids increasing and "after" paging exact', async () => {
    await t.console.user('page');
    await t.console.say('page', 'xin chao');
    await t.console.say('page', 'tro giup');
    const all = await t.console.call('GET', '/console/api/messages?userId=page');
    const messages = all.body.messages as Array<{ id: string }>;
    expect(messages).toHaveLength(2);
    const after = await t.console.call('GET', `/console/api/messages?userId=page&after=${messages[0]!.id}`);
    expect((after.body.messages as Array<{ id: string }>).map((m) => m.id)).toEqual([messages[1]!.id]);
  });

  it('rejects bad console requests with a clear 4xx', async () => {
    expect((await t.console.call('POST', '/console/api/messages', { userId: 'nobody', text: 'hi' })).status).toBe(404);
    expect((await t.console.call('POST', '/console/api/messages', { userId: 'hoa' })).status).toBe(400);
    expect((await t.console.call('POST', '/console/api/users', { id: 'x', role: 'mayor' })).status).toBe(400);
    expect((await t.console.call('POST', '/console/api/users', { id: 'x', unitId: 'no-such-unit' })).status).toBe(422);
    const malformed = await fetch(`${t.app.url}/console/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":' });
    expect(malformed.status).toBe(400);
  });
}

describe.skipIf(!redisAvailable())('console round trip on Redis queues', () => roundTrip('redis'));
describe('console round trip on BullMQ PostgreSQL queues', () => roundTrip('postgres'));
