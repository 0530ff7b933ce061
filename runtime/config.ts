import { z } from 'zod';
import { envSchema, type ParsedEnv } from './config.schema.js';
import { channelsConfigFrom, type ChannelsConfig } from './channels.config.js';
import type { QuietHours } from '../bot/domain/quiet-hours.js';

/**
 * The application's configuration, parsed once at start-up. Only this module reads
 * `process.env`; everything else receives an {@link AppConfig} through its factory.
 */
export interface AppConfig {
  env: ParsedEnv['NODE_ENV'];
  http: { port: number; host: string };
  /** `null` → start the embedded PostgreSQL. */
  databaseUrl: string | null;
  /** `DATABASE_PREPARED_STATEMENTS` (default true): name the turn's hot statements. */
  preparedStatements: boolean;
  /** `null` → BullMQ's PostgreSQL backend in the same database. */
  redisUrl: string | null;
  queuePrefix: string;
  consoleEnabled: boolean;
  logLevel: ParsedEnv['LOG_LEVEL'];
  dataDir: string;
  workerConcurrency: number;
  defaultLocale: 'vi' | 'en';
  conversationIdleMinutes: number;
  /** Staff announcements and reminders (issue 11). */
  broadcast: {
    /** `BROADCAST_QUIET_HOURS`; null = none. Proactive sends inside it move to its end. */
    quietHours: QuietHours | null;
    /** `BROADCAST_APPROVAL_THRESHOLD`: more recipients than this need a second approver. */
    approvalThreshold: number;
    /** `BROADCAST_HOTLINE`: phone numbers a body may carry (the office's published hotline); digits, `+84…` or `0…`. */
    hotlines: string[];
    /** `BROADCAST_OA_MONTHLY_QUOTA`: Zalo OA broadcasts per follower per month. */
    oaMonthlyQuota: number;
    /** `BROADCAST_CLAIM_LEASE_SECONDS` in ms: when a dead worker's claimed rows are claimed again and its mid-request rows become uncertain. */
    claimLeaseMs: number;
    /** `BROADCAST_LANES_PER_ACCOUNT`: lanes per channel account (default 2). */
    lanesPerAccount: number;
  };
  /** `ADMIN_TOKEN`; null → admin routes off (the embedded development run generates one). */
  adminToken: string | null;
  /** `METRICS_REQUIRE_ADMIN`: `/metrics` asks for the admin token (default false: public, keep it behind the proxy's allow-list). */
  metricsRequireAdmin: boolean;
  /** Platform channels; each is null when its credentials are not set. */
  channels: ChannelsConfig;
}

/** Thrown when the environment is invalid; the message names each variable and how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: Array<{ variable: string; problem: string }>) {
    super(
      'Invalid configuration:\n' +
        issues.map((issue) => `  • ${issue.variable}: ${issue.problem}`).join('\n') +
        '\nFix the variable(s) above in your environment or .env file (see .env.example), then start again.',
    );
  }
}

/** Keys whose empty value means "none" rather than "use the default". */
const EMPTY_MEANS_NONE = new Set(['BROADCAST_QUIET_HOURS']);

/** Empty strings count as "unset", so `DATABASE_URL=` in a .env file means "use the default". */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && (value.trim() !== '' || EMPTY_MEANS_NONE.has(key))) result[key] = value;
  }
  return result;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
        variable: String(issue.path[0] ?? '(root)'),
        problem: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined;
  return {
    env: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST },
    databaseUrl: e.DATABASE_URL ?? null,
    preparedStatements: e.DATABASE_PREPARED_STATEMENTS ?? true,
    redisUrl: e.REDIS_URL ?? null,
    queuePrefix: e.QUEUE_PREFIX,
    // The console lets anyone impersonate any role: never on by default in production.
    consoleEnabled: e.CONSOLE_ENABLED ?? (embedded || e.NODE_ENV !== 'production'),
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    workerConcurrency: e.WORKER_CONCURRENCY,
    defaultLocale: e.DEFAULT_LOCALE,
    conversationIdleMinutes: e.CONVERSATION_IDLE_MINUTES,
    broadcast: {
      quietHours: e.BROADCAST_QUIET_HOURS,
      approvalThreshold: e.BROADCAST_APPROVAL_THRESHOLD,
      hotlines: e.BROADCAST_HOTLINE,
      oaMonthlyQuota: e.BROADCAST_OA_MONTHLY_QUOTA,
      claimLeaseMs: e.BROADCAST_CLAIM_LEASE_SECONDS * 1000,
      lanesPerAccount: e.BROADCAST_LANES_PER_ACCOUNT,
    },
    adminToken: e.ADMIN_TOKEN ?? null,
    metricsRequireAdmin: e.METRICS_REQUIRE_ADMIN,
    channels: channelsConfigFrom(e),
  };
}

/**
 * For command-line entry points: the configuration, or the ConfigError's message on
 * stderr and exit code 1 (no stack trace: the message already says what to fix).
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
