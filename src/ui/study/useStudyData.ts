// The snapshot and the service from the store, with the pure reads the tabs share.
import { useMemo } from 'react';
import { buildQueue, computeStats, DECK, localCalendar, type StudyQueue, type StudyStats } from '../../study';
import { useAppStore } from '../../store';

export function useSnapshot() {
  return useAppStore((s) => s.study.snapshot);
}

/** Today's queue at `now`; empty until progress has loaded. */
export function useQueue(now: number): StudyQueue | null {
  const snapshot = useSnapshot();
  const service = useAppStore((s) => s.study.service);
  return useMemo(() => {
    if (!snapshot) return null;
    const svc = service();
    return buildQueue({ ...snapshot, deck: svc?.deck ?? DECK, now, calendar: svc?.calendar ?? localCalendar });
  }, [snapshot, service, now]);
}

export function useStats(now: number): StudyStats | null {
  const snapshot = useSnapshot();
  const service = useAppStore((s) => s.study.service);
  return useMemo(() => {
    if (!snapshot) return null;
    const svc = service();
    return computeStats({ ...snapshot, deck: svc?.deck ?? DECK, now, calendar: svc?.calendar ?? localCalendar });
  }, [snapshot, service, now]);
}
