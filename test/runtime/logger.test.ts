import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../runtime/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('logger', () => {
  it('redacts tokens and secrets by key', () => {
    const { lines, logger } = capture();
    logger.info({ token: 'abc', config: { accessToken: 'xyz', refreshToken: 'r1' } }, 'tokens');
    const line = lines.join('');
    expect(line).not.toMatch(/abc|xyz|r1"/);
    expect(line).toContain('[redacted]');
  });

  it('masks phone numbers and bot tokens inside any string', () => {
    const { lines, logger } = capture();
    logger.info({ text: 'sdt cua toi 0912345678', url: 'https://api.telegram.org/bot123456:AAE-secret_x/sendMessage' }, 'user wrote 0987654321');
    const line = lines.join('');
    expect(line).not.toContain('0912345678');
    expect(line).not.toContain('0987654321');
    expect(line).not.toContain('AAE-secret_x');
    expect(line).toContain('09xx xxx 678');
  });

  it('masks a 12-digit CCCD number inside any string, not longer platform ids or ms timestamps', () => {
    const { lines, logger } = capture();
    logger.warn({ description: 'Bad Request: cccd 001203004567 in text', zaloUserId: '8563847910000012345', at: 1764512345678 }, 'echo 079204001234');
    const line = lines.join('');
    expect(line).not.toContain('001203004567');
    expect(line).not.toContain('079204001234');
    expect(line).toContain('<cccd>');
    expect(line).toContain('8563847910000012345');
    expect(line).toContain('1764512345678');
  });

  it('writes one JSON object per line with an ISO time', () => {
    const { lines, logger } = capture();
    logger.info('hello');
    const parsed = JSON.parse(lines[0]!) as { time: string; msg: string };
    expect(parsed.msg).toBe('hello');
    expect(new Date(parsed.time).toISOString()).toBe(parsed.time);
  });
});
