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

/**
 * A file that goes with a message (an export, a chart), stored in `export_file`.
 * Telegram sends it as a document or photo with the text as caption; the console
 * shows it; channels that cannot send files get a one-time link in the text instead.
 */
export interface OutboundFile {
  fileId: string;
  filename: string;
  contentType: string;
  kind: 'document' | 'image';
}

export interface OutboundMessage {
  text: string;
  buttons?: OutboundButton[];
  file?: OutboundFile;
}

/** Where a message goes. */
export interface Recipient {
  channel: import('./inbound-event.js').Channel;
  userId: string;
  chatId: string;
}
