import { expect } from 'vitest';
import type { ConsoleMessage } from '../helpers/console-client.js';
import type { TestApp } from '../helpers/test-app.js';
import { QUEUE_NAMES } from '../../runtime/queues.js';
import { enqueueSends } from '../../worker/outbound/outbox.js';

/** The start of the tests' campaign year (domain §3.1 examples run in March 2026). */
export const MARCH_10 = '2026-03-10T09:00:00+07:00';

/** Text of the one reply to a message, asserting there is exactly one. */
export async function ask(t: TestApp, user: string, text: string): Promise<ConsoleMessage> {
  const replies = await t.console.say(user, text);
  expect(replies, JSON.stringify(replies.map((r) => r.text))).toHaveLength(1);
  return replies[0]!;
}

export async function tap(t: TestApp, user: string, value: string): Promise<ConsoleMessage> {
  const id = await t.console.press(user, value);
  const replies = await t.console.answersTo(user, id);
  return replies[0]!;
}

export function buttonValue(message: ConsoleMessage, labelPart: string): string {
  const button = message.buttons.find((b) => b.label.includes(labelPart));
  expect(button, `no button "${labelPart}" in ${JSON.stringify(message.buttons)}`).toBeDefined();
  return button!.value;
}

/**
 * Queues any notification still pending. Notifications are queued when their turn
 * commits; this only matters if a test stopped a worker in between (the outbox
 * relay does the same on its timer).
 */
export async function flushNotifications(t: TestApp): Promise<void> {
  const pending = await t.db.prisma.outboundMessage.findMany({ where: { status: 'pending', inReplyTo: null }, select: { id: true } });
  await enqueueSends(t.app.queues.queue(QUEUE_NAMES.outbound), pending.map((r) => r.id));
}

/** Drives a complete registration for a cadre of Cửa Nam and returns the code. */
export async function registerModel(t: TestApp, user: string, title: string, summary = 'Vận động các hộ dân cùng làm, có kế hoạch từng tháng và kết quả đo được.'): Promise<string> {
  let reply = await ask(t, user, `đăng ký mô hình "${title}"`);
  if (reply.text.includes('thêm dấu')) reply = await tap(t, user, 'title:keep');
  expect(reply.text).toContain('Bước 2/7');
  reply = await tap(t, user, 'cat:mo_hinh');
  reply = await tap(t, user, 'subj:own');
  reply = await tap(t, user, 'field:van_hoa_xa_hoi');
  reply = await ask(t, user, 'bỏ qua');
  reply = await ask(t, user, summary);
  expect(reply.text).toContain('Bước 7/7');
  reply = await tap(t, user, 'contact:ok');
  expect(reply.text).toContain('TÓM TẮT');
  reply = await tap(t, user, 'reg:submit');
  const code = /DVK-\d{4}-[A-Z]+-\d{3,}/.exec(reply.text)?.[0];
  expect(code, reply.text).toBeDefined();
  return code!;
}
