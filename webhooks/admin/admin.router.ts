import { Router } from 'express';
import type { Logger } from '../../runtime/logger.js';
import { requireAdminToken } from './admin-auth.js';

export interface AdminRouterOptions {
  /** `ADMIN_TOKEN`; null → no admin route is mounted (they answer 404 like any unknown path). */
  token: string | null;
  /**
   * Feature routers, each with paths relative to `/admin` (e.g. `/api/broadcasts`,
   * `/queues`, `/exports/…`). They never check auth themselves: this router does, once.
   */
  routers: Router[];
  logger: Logger;
}

/** Mounts every admin feature under `/admin` behind {@link requireAdminToken}. */
export function createAdminRouter(options: AdminRouterOptions): Router {
  const router = Router();
  if (!options.token) {
    options.logger.info('admin routes are off: set ADMIN_TOKEN to enable /admin (dashboards, broadcasts, exports)');
    return router;
  }
  const admin = Router();
  admin.use(requireAdminToken(options.token));
  for (const feature of options.routers) admin.use(feature);
  router.use('/admin', admin);
  return router;
}
