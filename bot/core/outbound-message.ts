/**
 * What the conversation core asks to be said. Channels render it: inline keyboards
 * on Telegram, OA buttons on Zalo OA, numbered options on Zalo Bot and the console.
 */
export interface OutboundButton {
  /** What the user sees, already translated. */
  label: string;
  /** What comes back when it is chosen; short (Telegram callback data is ≤ 64 bytes). */
  value: string;
}

export interface OutboundMessage {
  text: string;
  buttons?: OutboundButton[];
}

/** Where a message goes. */
export interface Recipient {
  channel: import('./inbound-event.js').Channel;
  userId: string;
  chatId: string;
}
