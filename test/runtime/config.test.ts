import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.js';

describe('loadConfig', () => {
  it('uses documented defaults with an empty environment (embedded mode, console on)', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(config.databaseUrl).toBeNull();
    expect(config.redisUrl).toBeNull();
    expect(config.consoleEnabled).toBe(true);
    expect(config.logLevel).toBe('info');
    expect(config.queuePrefix).toBe('dvk');
  });

  it('names the hot statements unless DATABASE_PREPARED_STATEMENTS=false (PgBouncer before 1.21)', () => {
    expect(loadConfig({}).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).preparedStatements).toBe(false);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: '' }).preparedStatements).toBe(true);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow(/DATABASE_PREPARED_STATEMENTS/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '  ', PORT: '' }).databaseUrl).toBeNull();
  });

  it('reads broadcast quiet hours and the approval threshold; empty quiet hours mean none', () => {
    const defaults = loadConfig({});
    expect(defaults.broadcast).toEqual({ quietHours: { startMinute: 1260, endMinute: 420 }, approvalThreshold: 500, hotlines: [], oaMonthlyQuota: 4, claimLeaseMs: 120_000, lanesPerAccount: 2 });
    expect(loadConfig({ BROADCAST_HOTLINE: '024 3825 3536, 1900.1234.56' }).broadcast.hotlines).toEqual(['02438253536', '1900123456']);
    expect(() => loadConfig({ BROADCAST_HOTLINE: 'call us' })).toThrow(/BROADCAST_HOTLINE: list phone numbers/);
    expect(defaults.adminToken).toBeNull();
    expect(loadConfig({ BROADCAST_QUIET_HOURS: '' }).broadcast.quietHours).toBeNull();
    expect(loadConfig({ BROADCAST_APPROVAL_THRESHOLD: '20' }).broadcast.approvalThreshold).toBe(20);
    expect(() => loadConfig({ BROADCAST_QUIET_HOURS: '9pm' })).toThrow(/BROADCAST_QUIET_HOURS: .*HH:MM-HH:MM/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN: use at least 16/);
  });

  it('keeps the console off in production with an external database unless asked', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@db:5432/dvk', REDIS_URL: 'redis://r:6379' };
    expect(loadConfig(production).consoleEnabled).toBe(false);
    expect(loadConfig({ ...production, CONSOLE_ENABLED: 'true' }).consoleEnabled).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT: must be a number/],
    ['PORT', '70000', /PORT: must be 0–65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must be a postgres: or postgresql: URL/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL: must be a redis: or rediss: URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL:/],
    ['CONSOLE_ENABLED', 'maybe', /CONSOLE_ENABLED: use true or false/],
    ['QUEUE_PREFIX', 'a:b', /QUEUE_PREFIX: .*no ":"/],
  ])('rejects %s=%s with a message naming the variable and the fix', (name, value, pattern) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(pattern);
    expect((error as ConfigError).message).toMatch(/\.env\.example/);
    expect((error as ConfigError).issues[0]!.variable).toBe(name);
  });

  it('reads SEND_TIMEOUT_SECONDS (default 20 s) and refuses values outside 1–120', () => {
    expect(loadConfig({}).channels.sendTimeoutMs).toBe(20_000);
    expect(loadConfig({ SEND_TIMEOUT_SECONDS: '3' }).channels.sendTimeoutMs).toBe(3_000);
    expect(() => loadConfig({ SEND_TIMEOUT_SECONDS: '0' })).toThrow(/SEND_TIMEOUT_SECONDS: must be ≥ 1/);
    expect(() => loadConfig({ SEND_TIMEOUT_SECONDS: '600' })).toThrow(/SEND_TIMEOUT_SECONDS: must be ≤ 120/);
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
