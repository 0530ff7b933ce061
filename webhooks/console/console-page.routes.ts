import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

const PAGE = path.join(import.meta.dirname, 'console.page.html');

/** `GET /console`: a small chat page over the console API, for trying the bot locally. */
export function createConsolePageRouter(): Router {
  const html = readFileSync(PAGE, 'utf8');
  const router = Router();
  router.get('/console', (_req, res) => {
    res.type('html').send(html);
  });
  return router;
}
