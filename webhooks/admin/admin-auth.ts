import type { RequestHandler } from 'express';
import { constantTimeEqual, singleHeader } from '../channels/constant-time.js';

/**
 * The one admin contract for every `/admin` route: `Authorization: Bearer <token>`,
 * or HTTP Basic with the token as the password (any user name) so a browser can open
 * the dashboards. Anything else is 401 with a Basic challenge; the comparison is
 * constant-time so the token cannot be guessed byte by byte.
 */
export function requireAdminToken(token: string): RequestHandler {
  if (token.length === 0) throw new RangeError('requireAdminToken: the admin token is empty; set ADMIN_TOKEN or leave the admin routes off.');
  return (req, res, next) => {
    if (constantTimeEqual(presentedToken(singleHeader(req.headers.authorization)), token)) {
      next();
      return;
    }
    res
      .status(401)
      .set('WWW-Authenticate', 'Basic realm="dvk-admin", charset="UTF-8"')
      .json({ error: 'unauthorized', message: 'Send Authorization: Bearer <ADMIN_TOKEN> (or Basic with the token as password).' });
  };
}

/** The token a request presents, from `Bearer <token>` or `Basic base64(user:token)`. */
export function presentedToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return undefined;
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}
