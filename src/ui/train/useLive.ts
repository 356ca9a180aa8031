// Per-step data without per-step renders: a component that draws from a TrainingLive calls
// useLiveVersion(live) and re-renders at most every `intervalMs` (then on the next frame), so
// a training step never re-renders the view and charts redraw a few times a second, in
// interruptible (transition) renders.
import { startTransition, useEffect, useState } from 'react';
import type { TrainingLive } from '../../train/live';

export function useLiveVersion(live: TrainingLive | null | undefined, intervalMs = 250): number {
  const [version, setVersion] = useState(() => live?.version ?? 0);
  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let frame = 0;
    const flush = () => {
      timer = null;
      // A transition: React renders it in slices that yield to input, so a redraw of several
      // charts (or the first attention maps) never blocks the page in one long task.
      frame = requestAnimationFrame(() => startTransition(() => setVersion(live.version)));
    };
    const stop = live.subscribe(() => {
      if (timer === null) timer = setTimeout(flush, intervalMs);
    });
    setVersion(live.version); // a new live object, or changes before we subscribed
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [live, intervalMs]);
  return version;
}
