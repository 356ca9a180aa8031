// The positional stage: the convention, the table over all positions (sinusoids, or the
// learned table read from the checkpoint; or what an absent encoding means), the curves, and
// the sum with the embeddings.
import { useText } from '../../../i18n';
import type { StagePanelProps } from '../types';
import { text } from './content';
import { PeSum } from './PeSum';
import { LearnedTable } from './LearnedTable';
import { PeTable } from './PeTable';
import './positional.css';

/** 2π·10000^(2i/D) for the pair starting at dimension 2i, to one decimal. */
function wavelength(pairStart: number, D: number): string {
  const w = 2 * Math.PI * Math.pow(10000, pairStart / D);
  return w < 100 ? w.toFixed(1) : Math.round(w).toLocaleString('en-US');
}

export function PositionalPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const { positional, maxLen, dModel: D } = ctx.config;
  return (
    <div className="positional-stage">
      {positional === 'sinusoidal' && (
        <>
          <p>{tx(text.convention, { fast: wavelength(0, D), slow: wavelength(D - 2, D), lastPair: D - 2, last: D - 1 })}</p>
          <PeTable ctx={ctx} />
        </>
      )}
      {positional === 'learned' && (
        <>
          <p className="note">{tx(text.learned, { n: maxLen, d: D })}</p>
          <LearnedTable ctx={ctx} />
        </>
      )}
      {positional === 'none' && <p className="note note--warn">{tx(text.none)}</p>}
      <PeSum ctx={ctx} />
      <p className="muted">{tx(text.otherSchemes)}</p>
    </div>
  );
}
