// A stage change moves focus to the new stage's title, unless the user is on the stepper (so
// pressing Next repeatedly keeps working) or typing. Shared by the forward and training-step frames.
import { useEffect, useRef } from 'react';

export function useStageTitleFocus(stageId: string) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(stageId);
  useEffect(() => {
    if (shown.current === stageId) return;
    shown.current = stageId;
    const active = document.activeElement;
    const keep = active instanceof HTMLElement && (active.closest('.stepper') || active.matches('input, select, textarea'));
    if (!keep) headingRef.current?.focus({ preventScroll: true });
  }, [stageId]);
  return headingRef;
}
