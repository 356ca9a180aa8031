// Stage `qkv`: X·W_Q, X·W_K, X·W_V for the picked side and layer, split into heads.
import { attentionNames, headDim, lengthSymbol, selfLength } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { layerInput } from './layerInput';
import { QkvPanel } from './QkvPanel';
import './qkv.css';

export const qkvStage: StageDefinition = {
  id: 'qkv',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, nHeads: H } = ctx.config;
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return texLines(
      `Q = XW_Q + b_Q,\\ K = XW_K + b_K,\\ V = XW_V + b_V,\\qquad W: ${texShape([D, D])}`,
      `X: ${texShape([[L, n], ['D', D]])} \\to Q: ${texShape([[L, n], ['D', D]])} \\to ${H}\\ \\text{heads} \\times ${texShape([n, headDim(ctx.config)])}`,
    );
  },
  kernels: ['matmul', 'elementwise'],
  traceNames: (ctx) => [layerInput(ctx.config, ctx.side, ctx.layer).name, ...attentionNames(ctx.side, ctx.layer, 'self', ['q', 'k', 'v'])],
  pickers: { side: true, layer: 'side', head: true },
  Panel: QkvPanel,
};
