// Small hooks the Study view's parts share: a clock that re-renders, and the keyboard
// shortcuts of a card (Space reveals, 1–4 grade).
import { useEffect, useRef, useState } from 'react';
import { GRADE_NAMES, type GradeName } from '../../study';

/** The current time, refreshed every `periodMs` (and at once when `periodMs` changes). */
export function useNow(periodMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), periodMs);
    return () => window.clearInterval(id);
  }, [periodMs]);
  return now;
}

/** Keys typed here belong to the field, not to the shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'file'].includes(type);
}

/**
 * Space already activates these; a second handler would act twice. The open tab is the
 * exception: Space there has nothing left to do, so it reveals (after clicking "Review").
 */
function activatesOnSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const control = target.closest('button, summary, input, [role="button"], [role="tab"], [role="checkbox"]');
  if (!control) return false;
  return !(control.getAttribute('role') === 'tab' && control.getAttribute('aria-selected') === 'true');
}

export interface CardKeys {
  /** Whether the shortcuts listen at all (one card on screen at a time). */
  enabled: boolean;
  revealed: boolean;
  onReveal: () => void;
  onGrade: (grade: GradeName) => void;
}

/**
 * Space reveals the answer; 1–4 grade it (Again, Hard, Good, Easy) once revealed. Keys typed
 * into a text field, or with a modifier, are left alone.
 */
export function useCardKeys(keys: CardKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  const { enabled } = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
      const { revealed, onReveal, onGrade } = latest.current;
      if (e.key === ' ' && !revealed && !activatesOnSpace(e.target)) {
        e.preventDefault();
        onReveal();
        return;
      }
      const n = Number(e.key);
      if (revealed && Number.isInteger(n) && n >= 1 && n <= 4) {
        e.preventDefault();
        onGrade(GRADE_NAMES[n - 1]);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** A ref that receives keyboard focus once, when the element first appears (if `when`). */
export function useFocusOnMount<T extends HTMLElement>(when = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus({ preventScroll: false });
    // Only on mount: later renders must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
