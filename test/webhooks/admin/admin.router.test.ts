import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { Router } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminRouter } from '../../../webhooks/admin/admin.router.js';
import { presentedToken } from '../../../webhooks/admin/admin-auth.js';

const TOKEN = 'admin-token-0123456789abcdef';

async function serve(token: string | null): Promise<{ url: string; server: Server }> {
  const feature = Router();
  feature.get('/api/ping', (_req, res) => void res.json({ pong: true }));
  const app = express();
  app.use(createAdminRouter({ token, routers: [feature], logger: pino({ level: 'silent' }) }));
  app.use((_req, res) => void res.status(404).json({ error: 'not_found' }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('admin routes with ADMIN_TOKEN set', () => {
  let url: string;
  let server: Server;
  beforeAll(async () => ({ url, server } = await serve(TOKEN)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 401 with a Basic challenge when no credentials are sent', async () => {
    const res = await fetch(`${url}/admin/api/ping`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
  });

  it('answers 401 for a wrong bearer token and for an unknown scheme', async () => {
    expect((await fetch(`${url}/admin/api/ping`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${url}/admin/api/ping`, { headers: { authorization: `Token ${TOKEN}` } })).status).toBe(401);
  });

  it('serves the route for the bearer token', async () => {
    const res = await fetch(`${url}/admin/api/ping`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ pong: true });
  });

  it('serves the route for HTTP Basic with the token as password (a browser)', async () => {
    const basic = Buffer.from(`ward-it:${TOKEN}`).toString('base64');
    expect((await fetch(`${url}/admin/api/ping`, { headers: { authorization: `Basic ${basic}` } })).status).toBe(200);
    const wrong = Buffer.from(`ward-it:not-the-token`).toString('base64');
    expect((await fetch(`${url}/admin/api/ping`, { headers: { authorization: `Basic ${wrong}` } })).status).toBe(401);
  });

  it('hides unknown admin paths behind the same 401', async () => {
    expect((await fetch(`${url}/admin/secret-thing`)).status).toBe(401);
  });
});

describe('admin routes without ADMIN_TOKEN', () => {
  let url: string;
  let server: Server;
  beforeAll(async () => ({ url, server } = await serve(null)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('mounts nothing: even a correct-looking token gets 404', async () => {
    const res = await fetch(`${url}/admin/api/ping`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
  });
});

describe('presentedToken', () => {
  it('reads bearer and basic, ignores the rest', () => {
    expect(presentedToken('Bearer abc')).toBe('abc');
    expect(presentedToken('bearer   abc')).toBe('abc');
    expect(presentedToken(`Basic ${Buffer.from('u:p:q').toString('base64')}`)).toBe('p:q');
    expect(presentedToken(`Basic ${Buffer.from('nocolon').toString('base64')}`)).toBeUndefined();
    expect(presentedToken('Digest x')).toBeUndefined();
    expect(presentedToken(undefined)).toBeUndefined();
  });
});
