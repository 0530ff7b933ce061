/**
 * Polls `find` until it returns something (not undefined/null/false), then returns
 * it; throws naming `what` after `ms`. Waits on an outcome, never for a fixed time.
 */
export async function until<T>(find: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== undefined && found !== null && found !== false) return found as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
