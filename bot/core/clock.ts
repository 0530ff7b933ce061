/**
 * Every "now" in the product comes from a Clock so that tests run at fixed times.
 * Instants are UTC `Date`s; show them in {@link VIETNAM_TIME_ZONE}.
 */
export interface Clock {
  now(): Date;
}

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const systemClock: Clock = { now: () => new Date() };

/** A clock stuck at one instant (tests, the NLU CLI's `--now`). */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    throw new TypeError(`fixedClock: "${String(at)}" is not a valid date; pass an ISO 8601 string.`);
  }
  return { now: () => new Date(instant) };
}

/** A clock tests can move forward. */
export function manualClock(start: Date | string): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(at) {
      current = new Date(at).getTime();
    },
  };
}
