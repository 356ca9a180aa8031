// Time as a parameter. Nothing in src/study reads the system time except `systemClock`, which
// the app passes in; tests pass their own clock and calendar.

/** Returns the current time in epoch milliseconds. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Local calendar days, numbered so that consecutive days differ by exactly 1 (DST-proof).
 * "Today", streaks and daily limits are all counted in these days.
 */
export interface DayCalendar {
  /** The number of the local day that contains the instant `ms`. */
  dayOf(ms: number): number;
  /** The instant at which local day `day` begins. */
  startOf(day: number): number;
}

/** The user's local time zone, as the JavaScript runtime knows it. */
export const localCalendar: DayCalendar = {
  dayOf(ms) {
    const d = new Date(ms);
    return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
  },
  startOf(day) {
    const u = new Date(day * DAY_MS);
    return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate()).getTime();
  },
};

/** A zone with a fixed offset from UTC (minutes east, e.g. +480 for China): for tests and exports. */
export function fixedOffsetCalendar(offsetMinutes: number): DayCalendar {
  const shift = offsetMinutes * MINUTE_MS;
  return {
    dayOf: (ms) => Math.floor((ms + shift) / DAY_MS),
    startOf: (day) => day * DAY_MS - shift,
  };
}

/** [start, end) of the local day containing `now`. */
export function dayBounds(now: number, calendar: DayCalendar): { start: number; end: number } {
  const day = calendar.dayOf(now);
  return { start: calendar.startOf(day), end: calendar.startOf(day + 1) };
}
