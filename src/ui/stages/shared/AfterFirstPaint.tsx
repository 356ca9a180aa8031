// Large parameter figures (three 48 × 48 weight maps are ~7,000 SVG cells) would make a stage
// switch wait for them. This renders its children in a transition after the panel's first
// paint: the stage appears at once, the figures a moment later, and a key press meanwhile
// interrupts their render instead of queueing behind it.
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useText } from '../../../i18n';

const PREPARING = { en: 'Drawing the weights…', zh: '正在绘制权重……' };

export function AfterFirstPaint({ children, minHeight = '12rem' }: { children: ReactNode; minHeight?: string }) {
  const { text: tx } = useText();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setReady(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  if (ready) return <>{children}</>;
  return (
    <p className="muted" style={{ minHeight }} role="status">
      {tx(PREPARING)}
    </p>
  );
}
