import { pino, type Logger } from 'pino';
import { maskPhonesInText } from '../bot/core/mask-phone.js';

export type { Logger };

/** Keys whose values are secrets wherever they appear (one or two levels deep). */
const SECRET_KEYS = [
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'secret',
  'secretKey',
  'password',
  'authorization',
  'apiKey',
  'botToken',
];
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-bot-api-secret-token"]',
  'req.headers["x-zevent-signature"]',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
];

/** Bot tokens inside URLs (Telegram puts them in the path). */
const URL_TOKEN = /\/bot\d+:[A-Za-z0-9_-]+/g;
/**
 * A 12-digit run is a CCCD (citizen id) number; platforms echo message text in their error descriptions.
 * Platform ids are shorter (Telegram) or longer (Zalo: 18–19 digits), and timestamps in ms have 13.
 */
const CCCD = /(?<!\d)\d{12}(?!\d)/g;

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskPhonesInText(value).replace(URL_TOKEN, '/bot<redacted>').replace(CCCD, '<cccd>');
  if (depth <= 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth - 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = scrub(inner, depth - 1);
  return out;
}

export interface LoggerOptions {
  /** pino level; default `info`. */
  level?: string;
  /** Where JSON lines go; default stdout. Tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
  name?: string;
}

/**
 * One JSON logger for the whole product: redacts secrets by key, masks phone
 * numbers, CCCD numbers and bot tokens inside any string it logs.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name ?? 'dvk',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { log: (object) => scrub(object, 4) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? (scrub(arg, 0) as string) : arg));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
