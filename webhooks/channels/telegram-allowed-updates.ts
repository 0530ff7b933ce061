/**
 * Update types the bot handles; Telegram then does not send the others at all. Its own
 * module (no grammY): the long-polling loop needs it in every role that builds channels.
 */
export const TELEGRAM_ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;
