/** A slash command as typed: `/start abc`, `/start@dvk_bot abc`, `/HELP`. */
export interface BotCommand {
  /** Lower-case, without the slash or the `@botname`. */
  name: string;
  /** Everything after the command, trimmed (the deep-link payload for /start). */
  args: string;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{3,64})?(?:\s+([\s\S]*))?$/;

export function parseBotCommand(text: string): BotCommand | null {
  const match = COMMAND.exec(text.trim());
  return match ? { name: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() } : null;
}

/** Commands listed with setMyCommands; other features answer /stop (unsubscribe.feature.ts). */
export const BOT_COMMANDS = ['start', 'help', 'language', 'stop'] as const;

/** `/start w_<unit id>`: a ward's own link (on its notice board, QR code) pre-selects the ward. */
export const WARD_PAYLOAD_PREFIX = 'w_';
