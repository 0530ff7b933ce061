import type { OutboundFile } from '../../bot/core/outbound-message.js';
import { inboundJobId } from '../ingress/inbound-job-id.js';
import { renderForFlavour, type ConsoleFlavour } from './channel-flavour.js';

/** Console replies carry the inbound job id `con-<message id>`. */
const CONSOLE_JOB_PREFIX = inboundJobId('console', '');

/** The outbound_message columns the console shows. */
export interface ConsoleOutboundRow {
  id: bigint;
  text: string;
  buttons: unknown;
  file: unknown;
  inReplyTo: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** One sent message as the console page and tests read it (GET /console/api/messages and the SSE stream). */
export function toConsoleMessage(row: ConsoleOutboundRow, flavour: ConsoleFlavour) {
  const buttons = (row.buttons ?? []) as Array<{ label: string; value: string }>;
  return {
    id: row.id.toString(),
    at: (row.sentAt ?? row.createdAt).toISOString(),
    text: row.text,
    buttons,
    // The same reply through the chosen channel's renderer (buttons, OA buttons, numbered options).
    parts: renderForFlavour(flavour, { text: row.text, buttons }),
    // A file sent with the message (export, chart): the page shows or offers it from /console/api/files/<id>.
    file: consoleFile(row.file),
    // The console message this answers (the id POST /console/api/messages gave), or
    // null for a proactive message such as a notification about someone else's action.
    replyTo: row.inReplyTo?.startsWith(CONSOLE_JOB_PREFIX) ? row.inReplyTo.slice(CONSOLE_JOB_PREFIX.length) : null,
  };
}

function consoleFile(raw: unknown): (OutboundFile & { url: string }) | null {
  const file = raw as OutboundFile | null;
  return file?.fileId ? { ...file, url: `/console/api/files/${encodeURIComponent(file.fileId)}` } : null;
}
