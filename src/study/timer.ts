// A countdown for spoken answers, as plain data and pure functions: the UI stores the state,
// calls these with the current time, and re-renders on its own tick. It keeps counting past
// zero, so the UI can show overtime ("+0:12") instead of cutting the speaker off.

export interface TimerState {
  durationMs: number;
  /** When the current running stretch began; null while paused or not started. */
  startedAt: number | null;
  /** Time accumulated in earlier running stretches. */
  elapsedBeforeMs: number;
}

export function createTimer(durationMs: number): TimerState {
  if (!(durationMs > 0)) throw new Error(`timer: duration must be positive, got ${durationMs} ms`);
  return { durationMs, startedAt: null, elapsedBeforeMs: 0 };
}

export function isRunning(t: TimerState): boolean {
  return t.startedAt !== null;
}

export function startTimer(t: TimerState, now: number): TimerState {
  return isRunning(t) ? t : { ...t, startedAt: now };
}

export function pauseTimer(t: TimerState, now: number): TimerState {
  if (t.startedAt === null) return t;
  return { ...t, startedAt: null, elapsedBeforeMs: t.elapsedBeforeMs + Math.max(0, now - t.startedAt) };
}

export function resetTimer(t: TimerState): TimerState {
  return createTimer(t.durationMs);
}

export function elapsedMs(t: TimerState, now: number): number {
  return t.elapsedBeforeMs + (t.startedAt === null ? 0 : Math.max(0, now - t.startedAt));
}

/** Time left; negative once the time is up. */
export function remainingMs(t: TimerState, now: number): number {
  return t.durationMs - elapsedMs(t, now);
}

export function isOvertime(t: TimerState, now: number): boolean {
  return remainingMs(t, now) < 0;
}

/** "1:05" while time is left, "+0:12" in overtime (whole seconds, rounded up while counting down). */
export function formatClock(remaining: number): string {
  const over = remaining < 0;
  const seconds = over ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}
