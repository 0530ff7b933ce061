/**
 * Runs independent seed writes side by side on the connection pool. Sequential
 * upserts cost one round trip each (~10 ms through the driver adapter), and the seed
 * runs on every boot of the embedded database, so this keeps start-up fast.
 */
export async function inParallel<T>(items: readonly T[], write: (item: T) => Promise<unknown>, width = 8): Promise<void> {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map(write));
  }
}
