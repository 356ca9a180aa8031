import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** A box in the stage's coordinates (px from its top-left corner). */
export interface AnchorBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const EDGE = 8; // keep this far from the viewport's edges

/**
 * A tooltip placed beside an anchor box inside a `position: relative` stage: to the right of
 * the box, else to its left, and always inside the viewport (it never covers the anchor
 * unless the viewport is too small to avoid it).
 */
export function VizTooltip({
  anchor,
  stageRef,
  id,
  testId,
  children,
}: {
  anchor: AnchorBox;
  stageRef: RefObject<HTMLElement | null>;
  id?: string;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const tip = ref.current;
    const stage = stageRef.current;
    if (!tip || !stage) return;
    const s = stage.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    // Work in viewport coordinates, then convert back to the stage's.
    const a = { left: s.left + anchor.left, right: s.left + anchor.right, top: s.top + anchor.top, bottom: s.top + anchor.bottom };
    let left = a.right + EDGE;
    if (left + tw > vw - EDGE) left = a.left - EDGE - tw;
    left = Math.max(EDGE, Math.min(left, vw - EDGE - tw));
    let top = a.top;
    if (top + th > vh - EDGE) top = vh - EDGE - th;
    top = Math.max(EDGE, top);
    const next = { left: Math.round(left - s.left), top: Math.round(top - s.top) };
    setPos((prev) => (prev && prev.left === next.left && prev.top === next.top ? prev : next));
    // Re-measured whenever the anchor or the content (hence the size) changes.
  }, [anchor.left, anchor.top, anchor.right, anchor.bottom, stageRef, children]);

  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      className="viz-tooltip"
      data-testid={testId}
      style={pos ? { left: pos.left, top: pos.top } : { left: anchor.right + EDGE, top: anchor.top, visibility: 'hidden' }}
    >
      {children}
    </div>
  );
}
