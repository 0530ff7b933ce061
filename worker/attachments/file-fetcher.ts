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
  download(ref: string, maxBytes: number): Promise<FetchedFile>;
}
