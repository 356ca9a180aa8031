// ← and → step through the stages, except while the user types or works a control that
// uses the arrow keys itself (inputs, selects, radio groups, heatmap cells, sliders).
import { useEffect } from 'react';
import type { StageId } from '../../model/stageIds';
import { STAGES } from '../stages';

function ownsArrowKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el.closest('input, textarea, select, [role="grid"], [role="slider"], [role="radiogroup"], [role="tablist"], [role="listbox"], [role="menu"]')) {
    return true;
  }
  return false;
}

export function useStageKeys(stage: StageId, go: (id: StageId) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      if (ownsArrowKeys(e.target)) return;
      const i = STAGES.findIndex((s) => s.id === stage);
      const next = STAGES[i + (e.key === 'ArrowRight' ? 1 : -1)];
      if (!next) return;
      e.preventDefault();
      go(next.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stage, go]);
}
