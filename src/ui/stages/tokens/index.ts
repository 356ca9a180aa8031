// Stage `tokens`: text → tokens → ids, on both sides of the model.
import { texLines } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, text, title } from './content';
import { TokensPanel } from './TokensPanel';

export const tokensStage: StageDefinition = {
  id: 'tokens',
  title,
  explain,
  formula: (ctx) => {
    const S = ctx.labels.source.length;
    const T = ctx.labels.target.length;
    const { src, tgt } = ctx.result.vocabSizes;
    if (ctx.family === 'decoder') {
      const P = ctx.result.promptLength ?? 0;
      return texLines(
        `\\text{ids} \\in \\{0,\\dots,${tgt - 1}\\}^{T},\\ T = \\underbrace{1 + ${P - 2} + 1}_{\\text{prompt}} + ${T - P} = ${T}`,
      );
    }
    if (ctx.family === 'encoder') return texLines(`\\text{ids} \\in \\{0,\\dots,${src - 1}\\}^{S},\\ S = ${S - 1} + 1\\ (\\langle\\text{eos}\\rangle) = ${S}`);
    return texLines(
      `\\text{src ids} \\in \\{0,\\dots,${src - 1}\\}^{S},\\ S = ${S - 1} + 1\\ (\\langle\\text{eos}\\rangle) = ${S}`,
      `\\text{tgt ids} \\in \\{0,\\dots,${tgt - 1}\\}^{T},\\ T = 1\\ (\\langle\\text{bos}\\rangle) + ${T - 1} = ${T}`,
    );
  },
  kernels: [],
  computedBy: text.computedBy,
  traceNames: () => [],
  pickers: {},
  Panel: TokensPanel,
};
