// A formula typeset by KaTeX, its CSS (and fonts) bundled locally by Vite — no CDN.
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
  if (!result.ok)
    return (
      <Tag className={display ? 'viz-formula viz-formula--display viz-formula--invalid' : 'viz-formula viz-formula--invalid'}>
        <code title={`${t('viz.formula.invalid')} ${result.message}`}>{result.source}</code>
      </Tag>
    );
  return (
    <Tag
      className={display ? 'viz-formula viz-formula--display' : 'viz-formula'}
      dangerouslySetInnerHTML={{ __html: result.html }}
    />
  );
}
