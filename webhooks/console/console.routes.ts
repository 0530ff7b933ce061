import { randomUUID } from 'node:crypto';
import { readExportFile } from '../../worker/exports/export-file.repository.js';
import { Router, json } from 'express';
import { CONSOLE_FLAVOURS } from './channel-flavour.js';
import { toConsoleMessage } from './console-message-view.js';
import { z } from 'zod';
import { CHAT_ROLES } from '../../bot/core/identity.js';
import { namespacedUserId, type InboundEvent } from '../../bot/core/inbound-event.js';
import type { Clock } from '../../bot/core/clock.js';
import type { PrismaClient } from '../../runtime/database.js';
import type { InboundSink } from '../ingress/inbound-sink.js';
import { sendValidationError } from '../http/validation-error.js';

export interface ConsoleDeps {
  prisma: PrismaClient;
  sink: InboundSink;
  clock: Clock;
}

const consoleId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "_" and "-" only');

const userBody = z.object({
  id: consoleId,
  role: z.enum(CHAT_ROLES).default('resident'),
  unitId: z.string().trim().min(1).max(100).nullish(),
  locale: z.enum(['vi', 'en']).optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
});

const messageBody = z.union([
  z.object({ userId: consoleId, text: z.string().min(1).max(4_000) }).strict(),
  z.object({ userId: consoleId, button: z.string().min(1).max(200) }).strict(),
]);

export const listQuery = z.object({
  userId: consoleId,
  after: z.string().regex(/^\d{1,19}$/, 'a message id from an earlier answer').optional(),
  /** Render each reply as this channel would (console, telegram, zalo-oa, zalo-bot); default console. */
  flavour: z.enum(CONSOLE_FLAVOURS).default('console'),
});

/**
 * The local console channel: the same path as every real channel (ingress →
 * queue → worker → outbound), driven over HTTP by the console page and by tests.
 * Development only: it lets the caller act as any role.
 */
export function createConsoleRouter(deps: ConsoleDeps): Router {
  const router = Router();
  router.use(json({ limit: '64kb' }));

  router.post('/console/api/users', async (req, res) => {
    const parsed = userBody.safeParse(req.body);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const { id, role, unitId, locale, displayName } = parsed.data;
    if (unitId) {
      const unit = await deps.prisma.unit.findUnique({ where: { id: unitId }, select: { id: true } });
      if (!unit) return res.status(422).json({ error: 'unknown_unit', message: `No unit with id "${unitId}". Use an id from the seed, e.g. "hn-p-cuanam".` });
    }
    const userId = namespacedUserId('console', id);
    // A language set here is the tester's explicit choice: it no longer follows each message.
    const fields = { role, unitId: unitId ?? null, ...(locale ? { locale, localeChosen: true } : {}), ...(displayName ? { displayName } : {}) };
    const user = await deps.prisma.chatUser.upsert({
      where: { id: userId },
      create: { id: userId, channel: 'console', platformUserId: id, chatId: id, ...fields },
      update: fields,
    });
    res.status(200).json({ id, userId, role: user.role, unitId: user.unitId, locale: user.locale, localeChosen: user.localeChosen });
  });

  router.post('/console/api/messages', async (req, res) => {
    const parsed = messageBody.safeParse(req.body);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const body = parsed.data;
    const userId = namespacedUserId('console', body.userId);
    const user = await deps.prisma.chatUser.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) {
      return res.status(404).json({ error: 'unknown_user', message: `Create the console user first: POST /console/api/users {"id": "${body.userId}"}.` });
    }
    const id = randomUUID();
    const event: InboundEvent = {
      channel: 'console',
      eventId: id,
      userId,
      chatId: body.userId,
      at: deps.clock.now().toISOString(),
      ...('text' in body ? { kind: 'text', text: body.text.normalize('NFC') } : { kind: 'button', payload: body.button }),
    };
    await deps.sink.accept(event);
    res.status(202).json({ id });
  });

  router.get('/console/api/messages', async (req, res) => {
    const parsed = listQuery.safeParse(req.query);
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const rows = await deps.prisma.outboundMessage.findMany({
      where: {
        userId: namespacedUserId('console', parsed.data.userId),
        status: 'sent',
        ...(parsed.data.after ? { id: { gt: BigInt(parsed.data.after) } } : {}),
      },
      orderBy: { id: 'asc' },
      take: 500,
    });
    res.json({ messages: rows.map((row) => toConsoleMessage(row, parsed.data.flavour)) });
  });

  // Console only (a development tool, like the rest of this router): the file a bot message
  // carried. Unlike the public one-time link, viewing it here does not use it up.
  router.get('/console/api/files/:fileId', async (req, res) => {
    const file = await readExportFile(deps.prisma, req.params.fileId, deps.clock.now());
    if (!file) {
      res.status(404).json({ error: 'not_found', message: 'No such file, or it expired (files are kept 24 hours).' });
      return;
    }
    res.type(file.contentType).set('Content-Disposition', `inline; filename="${file.filename}"`).send(file.bytes);
  });

  return router;
}
