import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { createReadyBroadcast, seedSubscribers, waitForStatus } from '../../worker/broadcast/broadcast-fixtures.js';

/** `/admin/api/broadcasts`: list, counts per state and channel, stop / resume / retry-failed, behind ADMIN_TOKEN. */
const TOKEN = 'admin-token-broadcasts-0123456789';
let t: TestApp;

async function api(method: string, path: string, token: string | null = TOKEN) {
  const res = await fetch(`${t.app.url}/admin${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

beforeAll(async () => {
  t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN } });
  await runSeed(t.db.prisma);
  await seedSubscribers(t.db.prisma, { unitId: 'hn-p-cuanam', perChannel: { console: 20 }, prefix: 'adm', now: new Date() });
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

describe('admin broadcasts API', () => {
  it('answers 401 without the token and 404 for an unknown broadcast', async () => {
    expect((await api('GET', '/api/broadcasts', null)).status).toBe(401);
    expect((await api('GET', '/api/broadcasts/nope')).status).toBe(404);
    expect((await api('POST', '/api/broadcasts/nope/stop')).status).toBe(404);
  });

  it('stops a scheduled broadcast, refuses to resume what is not stopped, resumes it', async () => {
    await createReadyBroadcast(t.db.prisma, 'adm-later', { unitId: 'hn-p-cuanam', body: 'Họp tổ dân phố', scheduledAt: new Date(Date.now() + 3600_000) });
    const list = await api('GET', '/api/broadcasts');
    expect(list.body.broadcasts.map((b: { id: string }) => b.id)).toContain('adm-later');
    expect((await api('POST', '/api/broadcasts/adm-later/resume')).status).toBe(409);
    const stopped = await api('POST', '/api/broadcasts/adm-later/stop');
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('stopped');
    const resumed = await api('POST', '/api/broadcasts/adm-later/resume');
    expect(resumed.body.status).toBe('scheduled');
  });

  it('shows counts per state and channel, and retry-failed sends the failed rows again', async () => {
    await createReadyBroadcast(t.db.prisma, 'adm-now', { unitId: 'hn-p-cuanam', body: 'Thông báo lịch tiếp dân' });
    await waitForStatus(t.db.prisma, 'adm-now', 'done');
    const done = await api('GET', '/api/broadcasts/adm-now');
    expect(done.body.progress.byChannel.console).toEqual({ sent: 20 });
    // Two rows failed for good reason earlier (e.g. a platform outage): an operator retries them.
    const two = await t.db.prisma.broadcastRecipient.findMany({ where: { broadcastId: 'adm-now' }, take: 2, orderBy: { id: 'asc' } });
    await t.db.prisma.broadcastRecipient.updateMany({ where: { id: { in: two.map((r) => r.id) } }, data: { state: 'failed_temporary', error: 'transient' } });
    await t.db.prisma.outboundMessage.deleteMany({ where: { userId: { in: two.map((r) => r.userId) } } });
    const retried = await api('POST', '/api/broadcasts/adm-now/retry-failed');
    expect(retried.status).toBe(200);
    expect(retried.body.requeued).toBe(2);
    await waitForStatus(t.db.prisma, 'adm-now', 'done');
    expect((await api('GET', '/api/broadcasts/adm-now')).body.progress.byState).toEqual({ sent: 20 });
    expect(await t.db.prisma.outboundMessage.count({ where: { userId: { in: two.map((r) => r.userId) } } })).toBe(2);
  }, 60_000);

  it('reports uncertain rows and resends them only when asked (resend-uncertain)', async () => {
    await createReadyBroadcast(t.db.prisma, 'adm-unsure', { unitId: 'hn-p-cuanam', body: 'Thông báo chưa chắc chắn' });
    await waitForStatus(t.db.prisma, 'adm-unsure', 'done');
    // A worker died with this row's request on the wire: delivery unknown.
    const [row] = await t.db.prisma.broadcastRecipient.findMany({ where: { broadcastId: 'adm-unsure' }, take: 1, orderBy: { id: 'asc' } });
    await t.db.prisma.broadcastRecipient.update({ where: { id: row!.id }, data: { state: 'uncertain' } });
    await t.db.prisma.outboundMessage.deleteMany({ where: { userId: row!.userId, text: { startsWith: 'Thông báo chưa chắc chắn' } } });
    expect((await api('GET', '/api/broadcasts/adm-unsure')).body.progress.byState).toEqual({ sent: 19, uncertain: 1 });
    const resent = await api('POST', '/api/broadcasts/adm-unsure/resend-uncertain');
    expect(resent.status).toBe(200);
    expect(resent.body.requeued).toBe(1);
    await waitForStatus(t.db.prisma, 'adm-unsure', 'done');
    expect((await api('GET', '/api/broadcasts/adm-unsure')).body.progress.byState).toEqual({ sent: 20 });
    expect(await t.db.prisma.outboundMessage.count({ where: { userId: row!.userId, text: { startsWith: 'Thông báo chưa chắc chắn' } } })).toBe(1);
    expect((await api('POST', '/api/broadcasts/adm-later/resend-uncertain')).status).toBe(409);
  }, 60_000);
});
