import { z } from 'zod';
import { channelEnvShape, checkChannelEnv } from './channels.config.js';
import { parseQuietHours, type QuietHours } from '../bot/domain/quiet-hours.js';

/**
 * Every environment variable the product reads, with its default and how to fix a
 * bad value. This is the only place that knows variable names; the rest of the
 * code receives an {@link AppConfig}. Documented for operators in `.env.example`.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'use true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const url = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a ${protocols.join(' or ')} URL, e.g. ${example}`);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port for the webhooks/console server. */
  PORT: z.coerce
    .number({ error: 'must be a number, e.g. 3000' })
    .int('must be a whole number')
    .min(0, 'must be 0–65535')
    .max(65535, 'must be 0–65535')
    .default(3000),
  /** Bind address; loopback by default so a laptop never exposes the console. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Unset → an embedded PostgreSQL is started with data in .data/pg. */
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgresql://user@127.0.0.1:5432/dvk').optional(),
  /** Unset → queues run on BullMQ's PostgreSQL backend in the same database. */
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  /**
   * Run the turn's hot statements as named prepared statements (runtime/sql/sql-runner.ts).
   * Default on. Set false behind PgBouncer older than 1.21 in transaction mode, which
   * cannot carry prepared statements from one server connection to the next.
   */
  DATABASE_PREPARED_STATEMENTS: booleanFlag.optional(),
  /** Redis key prefix for queues (tests use a unique one per file). */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - only (no ":"), at most 40')
    .default('dvk'),
  /** Local web console + its API. Default: on in embedded/development mode, off in production. */
  CONSOLE_ENABLED: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the embedded PostgreSQL keeps its files. */
  DATA_DIR: z.string().trim().min(1).default('.data'),
  /** Inbound conversation jobs run concurrently per worker process (ordering per user is kept by a lock). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** Default language for new users. */
  DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  /** Minutes of silence after which a flow is considered idle (domain: 30). */
  CONVERSATION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /**
   * Bearer token for every `/admin` route (dashboards, broadcasts, exports). Unset → admin routes
   * are off, except in the embedded development run, which generates one and prints it.
   */
  ADMIN_TOKEN: z.string().trim().min(16, 'use at least 16 characters, e.g. the output of `openssl rand -hex 32`').optional(),
  /** `/metrics` behind the admin token (Bearer, or Basic with the token as password); default public. */
  METRICS_REQUIRE_ADMIN: booleanFlag.default(false),
  /** Daily window (Vietnam time) when announcements and reminders wait; empty = none. */
  BROADCAST_QUIET_HOURS: z
    .string()
    .default('21:00-07:00')
    .transform((text, ctx): QuietHours | null => {
      try {
        return parseQuietHours(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Above this many recipients a second staff member must approve an announcement. */
  BROADCAST_APPROVAL_THRESHOLD: z.coerce.number({ error: 'must be a number, e.g. 500' }).int().min(0).default(500),
  /** The office's published hotline(s), comma-separated: the only phone numbers an announcement may carry. */
  BROADCAST_HOTLINE: z
    .string()
    .default('')
    .refine(
      (text) => text.split(',').every((part) => part.trim() === '' || /^\+?\d[\d\s.()-]{5,16}$/.test(part.trim())),
      'list phone numbers separated by commas, e.g. 024 3825 3536,1900 1234 56 (digits, spaces, dots; no letters)',
    )
    .transform((text) => text.split(',').map((n) => n.replace(/[^\d+]/g, '')).filter((n) => n.length > 0)),
  /** Zalo OA broadcasts per follower per month; a follower at the quota is skipped (domain §2.6). */
  BROADCAST_OA_MONTHLY_QUOTA: z.coerce.number({ error: 'must be a number, e.g. 4' }).int().min(0).default(4),
  /** Seconds after which a row a dead worker left claimed is claimed again, and one it left mid-request becomes `uncertain` (never resent by itself). */
  BROADCAST_CLAIM_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds, e.g. 120' }).int().min(1).max(3600).default(120),
  /** Broadcast lanes per channel account (each has one request on the wire at a time); the account's pace is shared by them. */
  BROADCAST_LANES_PER_ACCOUNT: z.coerce.number({ error: 'must be a whole number, e.g. 2' }).int().min(1).max(32).default(2),
  /** Telegram, Zalo Bot and Zalo OA credentials, API roots, pacing (runtime/channels.config.ts). */
  ...channelEnvShape,
}).superRefine(checkChannelEnv);

export type Env = z.input<typeof envSchema>;
export type ParsedEnv = z.output<typeof envSchema>;
