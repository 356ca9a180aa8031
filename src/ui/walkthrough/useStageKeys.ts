// ← and → step through a view's stages (the forward walkthrough's or the training step's), except
// while the user types or works a control that uses the arrow keys itself (inputs, selects, radio
// groups, heatmap cells, sliders).
import { useEffect } from 'react';

function ownsArrowKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el.closest('input, textarea, select, [role="grid"], [role="slider"], [role="radiogroup"], [role="tablist"], [role="listbox"], [role="menu"]')) {
    return true;
  }
  return false;
}

export function useStageKeys<Id extends string>(ids: readonly Id[], stage: Id, go: (id: Id) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      if (ownsArrowKeys(e.target)) return;
      const i = ids.indexOf(stage);
      const next = ids[i + (e.key === 'ArrowRight' ? 1 : -1)];
      if (next === undefined) return;
      e.preventDefault();
      go(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ids, stage, go]);
}
