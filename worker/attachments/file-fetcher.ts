/** The bytes of one photo or file as the platform handed them over. */
export interface FetchedFile {
  bytes: Buffer;
  /** A name the platform knows (Telegram's file path, the URL's last segment), for the type check of docx/xlsx. */
  name?: string;
}

/**
 * Downloads one attachment by its `ref` (Telegram file_id, Zalo URL). Throws
 * {@link AttachmentTooLargeError} past `maxBytes` (without reading the rest) and
 * {@link AttachmentFetchError} when the platform does not deliver.
 */
export interface FileFetcher {
  /**
   * `account` is the slug of the bot/OA the user wrote to (`default` for the
   * environment's account): a Telegram file_id can only be fetched with the token
   * of the bot that received it.
   */
  download(ref: string, maxBytes: number, account?: string): Promise<FetchedFile>;
}
