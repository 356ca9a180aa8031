// Stage `positional`: the position vectors (all maxLen positions for sinusoids) and their sum
// with the embeddings.
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { PositionalPanel } from './PositionalPanel';

const prefix = (side: 'enc' | 'dec') => (side === 'enc' ? 'src' : 'tgt');

export const positionalStage: StageDefinition = {
  id: 'positional',
  title,
  explain,
  formula: (ctx) => {
    const D = ctx.config.dModel;
    const L = ctx.side === 'enc' ? 'S' : 'T';
    const n = ctx.side === 'enc' ? ctx.labels.source.length : ctx.labels.target.length;
    const shape = texShape([[L, n], ['D', D]]);
    if (ctx.config.positional === 'none') return `x = \\text{embed}: ${shape}`;
    if (ctx.config.positional === 'learned') return `x = \\text{embed} + P[0{:}${n}],\\qquad P: ${texShape([['maxLen', ctx.config.maxLen], ['D', D]])},\\ x: ${shape}`;
    return texLines(
      `PE_{(pos,\\,2i)} = \\sin\\!\\big(pos / 10000^{2i/${D}}\\big),\\quad PE_{(pos,\\,2i+1)} = \\cos\\!\\big(pos / 10000^{2i/${D}}\\big)`,
      `x = \\text{embed} + PE: ${shape},\\qquad PE\\ \\text{table}: ${texShape([['maxLen', ctx.config.maxLen], ['D', D]])}`,
    );
  },
  kernels: ['embedding'],
  traceNames: (ctx) => [`${prefix(ctx.side)}.embed`, `${prefix(ctx.side)}.pos`, `${prefix(ctx.side)}.x`].filter((n) => ctx.trace.has(n)),
  pickers: { side: true },
  Panel: PositionalPanel,
};
