// Stage `embedding-grad`: the gradient of the embedding tables — non-zero only in the rows of
// the words the pair contains, each the (scaled) sum of ∂L/∂x over its word's positions — and of
// learned positions, if the model has them.
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import { SIDES } from '../../../stages/shared/content';
import { lengthSymbol } from '../../../stages/shared/names';
import { texLines, texNum, texShape } from '../../../stages/shared/tex';
import type { BackwardStageContext, BackwardStageDefinition, NumericCheckTarget } from '../../types';
import { checks as checkTexts, explain, title } from './content';
import { EmbeddingGradPanel } from './EmbeddingGradPanel';
import { embeddingNames, sideTokens } from './rows';

const both = (f: (lang: Language) => string): Bilingual => ({ en: f('en'), zh: f('zh') });

function target(template: Bilingual, side: 'enc' | 'dec', name: string): Bilingual {
  return both((lang) => pick(template, lang, { side: SIDES[side][lang], name }));
}

function embeddingChecks(ctx: BackwardStageContext): NumericCheckTarget[] {
  const out: NumericCheckTarget[] = (['enc', 'dec'] as const).map((side) => {
    const { table } = embeddingNames(side);
    return { name: `param:${table}`, label: target(checkTexts.table, side, table) };
  });
  const names = embeddingNames(ctx.side);
  out.push({ name: `grad:${names.point}`, label: target(checkTexts.point, ctx.side, names.point) });
  if (ctx.config.positional === 'learned') out.push({ name: `param:${names.positions}`, label: target(checkTexts.positions, ctx.side, names.positions) });
  return out;
}

export const embeddingGradStage: BackwardStageDefinition = {
  id: 'embedding-grad',
  title,
  explain,
  formula: (ctx) => {
    const D = ctx.config.dModel;
    const L = lengthSymbol(ctx.side);
    const n = sideTokens(ctx.labels, ctx.side).length;
    const V = ctx.side === 'enc' ? ctx.result.vocabSizes.src : ctx.result.vocabSizes.tgt;
    const s = ctx.config.embedScale ? `s = \\sqrt{D} = \\sqrt{${D}} \\approx ${texNum(Math.sqrt(D))}` : 's = 1';
    const lines = [
      `\\frac{\\partial L}{\\partial E[v]} = s \\sum_{i:\\,\\mathrm{id}_i = v} \\frac{\\partial L}{\\partial x_i},\\qquad ${s}`,
      `\\frac{\\partial L}{\\partial E[v]} = 0\\ \\ (v \\notin \\{\\mathrm{id}_i\\}),\\qquad E: ${texShape([['V', V], ['D', D]])},\\ \\frac{\\partial L}{\\partial x}: ${texShape([[L, n], ['D', D]])}`,
    ];
    if (ctx.config.positional === 'learned') {
      lines.push(`\\frac{\\partial L}{\\partial P[p]} = \\frac{\\partial L}{\\partial x_p}\\ \\ (p < ${L}{=}${n}),\\qquad P: ${texShape([['L_{\\max}', ctx.config.maxLen], ['D', D]])}`);
    }
    return texLines(...lines);
  },
  kernels: ['embedding'],
  scopes: (ctx) => [`backward/${ctx.side === 'enc' ? 'src' : 'tgt'}.embed`],
  traceNames: (ctx) => {
    const names = embeddingNames(ctx.side);
    const out = [`grad:${names.point}`, `param:${names.table}`];
    if (ctx.config.positional === 'learned') out.push(`param:${names.positions}`);
    return out;
  },
  checks: embeddingChecks,
  pickers: { side: true },
  forwardStage: 'embedding',
  Panel: EmbeddingGradPanel,
};
