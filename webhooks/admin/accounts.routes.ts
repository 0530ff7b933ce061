import express, { Router } from 'express';
import type { AccountDirectory } from '../../runtime/accounts/account-directory.js';
import { createAccountSchema } from '../../runtime/accounts/account-kinds.js';
import { AccountsNeedKeyError } from '../../runtime/accounts/accounts-need-key.error.js';
import { publicView } from '../../runtime/accounts/channel-account.js';
import type { ChannelAccountStore } from '../../runtime/accounts/channel-account.store.js';
import { sendValidationError } from '../http/validation-error.js';

export interface AccountRoutesDeps {
  store: ChannelAccountStore;
  /** Reloaded after every write, so this process serves the change at once (others within ACCOUNTS_REFRESH_SECONDS). */
  directory: AccountDirectory;
}

/**
 * Channel accounts for operators, under `/admin` (auth is the admin router's):
 * list (never a secret), create (zod-validated, secrets sealed before they are
 * stored), disable and enable. A disabled account's webhooks answer 404 and
 * nothing is sent through it; its users and their history stay.
 */
export function createAccountRoutes(deps: AccountRoutesDeps): Router {
  const router = Router();

  router.get('/api/accounts', (_req, res) => {
    const accounts = deps.directory.list().map(publicView).sort((a, b) => a.id.localeCompare(b.id));
    res.json({ accounts });
  });

  router.post('/api/accounts', express.json({ limit: '64kb' }), async (req, res) => {
    const parsed = createAccountSchema.safeParse(req.body);
    if (!parsed.success) return void sendValidationError(res, parsed.error);
    if (parsed.data.slug === 'default') {
      return void res.status(400).json({ error: 'invalid_request', message: 'slug "default" is the environment account of each channel; choose another, e.g. p-cua-nam' });
    }
    try {
      const created = await deps.store.create(parsed.data);
      await deps.directory.reload();
      res.status(201).json(publicView(created));
    } catch (error) {
      if (error instanceof AccountsNeedKeyError) return void res.status(409).json({ error: 'no_secret_key', message: error.message });
      if ((error as { code?: string }).code === 'P2002') {
        return void res.status(409).json({ error: 'conflict', message: `An account ${parsed.data.kind}/${parsed.data.slug} already exists; GET /admin/api/accounts lists them.` });
      }
      throw error;
    }
  });

  for (const [action, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    router.post(`/api/accounts/:id/${action}`, async (req, res) => {
      const account = deps.directory.byId(req.params.id);
      if (account?.source === 'env') {
        return void res.status(409).json({ error: 'conflict', message: `${req.params.id} comes from the environment; unset its keys to turn it off.` });
      }
      const updated = await deps.store.setStatus(req.params.id, status);
      if (!updated) return void res.status(404).json({ error: 'not_found', message: `No account ${req.params.id}; GET /admin/api/accounts lists them.` });
      await deps.directory.reload();
      res.json(publicView(updated));
    });
  }
  return router;
}
