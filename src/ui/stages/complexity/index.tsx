// Stage `complexity`: attention's n² cost against the FFN's n·D·F, with this sentence marked.
import { texLines } from '../shared/tex';
import type { StageDefinition } from '../types';
import { ComplexityPanel } from './ComplexityPanel';
import { explain, title } from './content';
import { crossovers, layerCost } from './costs';

export const complexityStage: StageDefinition = {
  id: 'complexity',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, dFF: F, nHeads: H } = ctx.config;
    const n = ctx.labels.source.length;
    const k = layerCost(ctx.config, n);
    const x = crossovers(ctx.config);
    return texLines(
      `C(n) = \\underbrace{2n^2D}_{O(n^2 d)} + \\underbrace{4nD^2}_{O(n d^2)} + \\underbrace{2nDF}_{O(n d\\, d_{ff})},\\qquad M(n) = \\underbrace{Hn^2}_{O(n^2)}`,
      `2n^2D = 4nD^2 + 2nDF \\iff n = 2D + F = ${x.linear}`,
      `n = ${n},\\ D = ${D},\\ F = ${F},\\ H = ${H}:\\quad C = ${k.attention} + ${k.projections} + ${k.ffn},\\quad M = ${k.weights}`,
    );
  },
  kernels: ['matmul', 'softmax'],
  computedBy: {
    en: 'The curves and the table are arithmetic on the model’s sizes (src/ui/stages/complexity/costs.ts), not measurements; the kernels listed are the ones whose work they count.',
    zh: '曲线和表格是根据模型尺寸做的算术（src/ui/stages/complexity/costs.ts），不是实测；列出的内核就是这些数字所统计的计算。',
  },
  traceNames: () => [],
  pickers: {},
  Panel: ComplexityPanel,
};
