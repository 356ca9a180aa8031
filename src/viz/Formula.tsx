// A formula typeset by KaTeX, its CSS (and fonts) bundled locally by Vite — no CDN.
import { useLayoutEffect, useRef, useState } from 'react';
import 'katex/dist/katex.min.css';
import { useText } from '../i18n';
import { renderTex } from './renderTex';
import './viz.css';

export interface FormulaProps {
  tex: string;
  /** Block (centred, larger) rather than inline. */
  display?: boolean;
}

export function Formula({ tex, display = false }: FormulaProps) {
  const { t } = useText();
  const result = renderTex(tex, display);
  const Tag = display ? 'div' : 'span';
  const overflows = useOverflow(display ? result.ok && result.html : null);
  if (!result.ok)
    return (
      <Tag className={display ? 'viz-formula viz-formula--display viz-formula--invalid' : 'viz-formula viz-formula--invalid'}>
        <code title={`${t('viz.formula.invalid')} ${result.message}`}>{result.source}</code>
      </Tag>
    );
  // A display formula wider than its box scrolls; a keyboard user must be able to reach it.
  const scrollProps = overflows.wide ? { tabIndex: 0, role: 'group', 'aria-label': t('viz.formula.scroll') } : {};
  return (
    <Tag
      ref={overflows.ref}
      className={display ? 'viz-formula viz-formula--display' : 'viz-formula'}
      dangerouslySetInnerHTML={{ __html: result.html }}
      {...scrollProps}
    />
  );
}

/** Whether the element is wider than its box (re-measured when it or its content resizes). */
function useOverflow(content: string | false | null) {
  const ref = useRef<HTMLDivElement & HTMLSpanElement>(null);
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || content === null || content === false) return setWide(false);
    const measure = () => setWide(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [content]);
  return { ref, wide };
}
